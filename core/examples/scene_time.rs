//! How long `scene::lane` takes for one frame of a large synthetic
//! timeline, at the zooms of the benchmark's gesture.
//! usage: cargo run --release -p rift-core --example scene_time [N]

use rift_core::dataset::Lane;
use rift_core::scene::{lane, Focus, Style};
use rift_core::viewport::Bounds;
use std::time::Instant;

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(100_000);
    let lanes: Vec<Lane> = ["a", "b"]
        .iter()
        .map(|id| Lane {
            id: id.to_string(),
            label: id.to_string(),
            tr: Default::default(),
        })
        .collect();
    let t = rift_core::synth::timeline(n, &lanes, 1948, 1962);
    let (a, b) = t.extent().expect("events");
    let bounds = Bounds::around(a, b);
    let width = 1180.0;
    let style = Style::for_area(width, 560.0, 2);
    let full = bounds.full();
    let mut total = 0.0;
    for k in 0..=10 {
        let v = full.zoom_at(full.center(), 1.25f64.powi(k), &bounds);
        let reps = 20;
        let t0 = Instant::now();
        let mut drawn = 0;
        for _ in 0..reps {
            for l in 0..2 {
                drawn += lane(&t, l, &v, width, &style, Focus::default()).items.len();
            }
        }
        let ms = t0.elapsed().as_secs_f64() * 1000.0 / reps as f64;
        total += ms;
        println!(
            "zoom {k:2}: span {:7.0} days: {ms:6.2} ms a frame (both lanes), {} drawn",
            v.span(),
            drawn / reps
        );
    }
    println!("mean {:.2} ms", total / 11.0);
    // A digest of what is drawn and counted, with a search, filters and a
    // selection too: the same for any two builds that lay out alike.
    let prefer: Vec<bool> = (0..n).map(|i| i % 7 == 0).collect();
    let keep: Vec<bool> = (0..n).map(|i| i % 5 != 0).collect();
    let labels: Vec<f64> = (0..n).map(|i| 40.0 + (i % 13) as f64 * 9.0).collect();
    let mut digest = std::collections::hash_map::DefaultHasher::new();
    use std::hash::{Hash, Hasher};
    for k in 0..=14 {
        let v = full.zoom_at(full.center() - 400.0, 1.5f64.powi(k), &bounds);
        for focus in [
            Focus::default(),
            Focus {
                keep: Some(&keep),
                prefer: Some(&prefer),
                selected: Some(n / 3),
                labels: Some(&labels),
            },
        ] {
            for l in 0..2 {
                let s = lane(&t, l, &v, width, &style, focus);
                for it in &s.items {
                    (
                        it.idx,
                        it.row,
                        it.x0.to_bits(),
                        it.x1.to_bits(),
                        it.label_x.to_bits(),
                        it.label_w.to_bits(),
                        it.cut_left,
                        it.cut_right,
                        format!("{:?}", it.shape),
                    )
                        .hash(&mut digest);
                }
                for c in &s.chips {
                    (
                        &c.members,
                        c.x.to_bits(),
                        c.start.to_bits(),
                        c.end.to_bits(),
                    )
                        .hash(&mut digest);
                }
            }
        }
    }
    println!("digest {:x}", digest.finish());
}
