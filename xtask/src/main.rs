//! `cargo run -p xtask -- <task>`:
//!
//! - `check-data [FILE]`: validate data/events.toml and check every quote
//!   against ../shared/sources (or $RIFT_SOURCES).
//! - `export-data DIR`: write DIR/events.json and DIR/events.csv (the open
//!   data), the text packs DIR/texts-sq.txt and DIR/texts-ru.txt and the
//!   English details DIR/details.txt, after validating. Trunk runs it
//!   after each build.
//! - `minify [DIR]`: minify the scripts of a release build in place with
//!   esbuild (from end2end/node_modules, installed by scripts/setup.sh).
//!   Trunk runs it after each build; a debug build keeps them readable.
//! - `shrink-wasm [DIR]`: optimise the module of a release build for size
//!   with wasm-opt (end2end/node_modules): first drop the exports nothing
//!   calls, so that their code goes too; then give the imports and the
//!   glue's exports short names in the module and rift.js. Trunk runs it
//!   after each build.
//! - `sizes DIR`: raw and gzipped sizes of the built wasm, js, css and html,
//!   the open data and the texts fetched on use.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn data_file(arg: Option<&String>) -> PathBuf {
    arg.map(PathBuf::from)
        .unwrap_or_else(|| xtask::repo_root().join("data/events.toml"))
}

fn gzip_len(bytes: &[u8]) -> usize {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    enc.write_all(bytes).expect("in-memory write");
    enc.finish().expect("in-memory gzip").len()
}

fn sizes(dir: &Path) -> Result<(), String> {
    let mut rows = Vec::new();
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for entry in entries.flatten() {
        let path = entry.path();
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        if matches!(ext, "wasm" | "js" | "css" | "html" | "json" | "csv" | "txt") {
            let bytes = std::fs::read(&path).map_err(|e| e.to_string())?;
            rows.push((
                path.file_name().unwrap().to_string_lossy().into_owned(),
                bytes.len(),
                gzip_len(&bytes),
            ));
        }
    }
    rows.sort();
    println!("| file | raw | gzip -9 |\n|---|---:|---:|");
    for (name, raw, gz) in rows {
        println!(
            "| {name} | {:.1} KB | {:.1} KB |",
            raw as f64 / 1024.0,
            gz as f64 / 1024.0
        );
    }
    Ok(())
}

/// What index.html loads before the page is used, each file gzipped at
/// level 9 on its own; an error above `ceiling` bytes in all.
fn page_weight(dir: &Path, ceiling: Option<usize>) -> Result<(), String> {
    let read = |name: &str| {
        std::fs::read(dir.join(name)).map_err(|e| format!("{}/{name}: {e}", dir.display()))
    };
    let html = read("index.html")?;
    let mut files = vec!["index.html".to_string()];
    files.extend(xtask::weight::loaded_files(&String::from_utf8_lossy(&html)));
    let mut total = 0;
    for name in &files {
        let bytes = gzip_len(&read(name)?);
        println!("{bytes:>9} B  {name}");
        total += bytes;
    }
    println!(
        "{total:>9} B  the page before use ({:.1} KB, gzip -9)",
        total as f64 / 1024.0
    );
    match ceiling {
        Some(limit) if total > limit => Err(format!(
            "the page before use is {total} B gzipped, over its ceiling of {limit} B: find what grew (xtask sizes, twiggy) before raising it"
        )),
        _ => Ok(()),
    }
}

/// A tool that scripts/setup.sh installs in end2end/node_modules, for
/// `task`.
fn npm_tool(task: &str, name: &str) -> Result<PathBuf, String> {
    let tool = xtask::repo_root()
        .join("end2end/node_modules/.bin")
        .join(name);
    if tool.exists() {
        Ok(tool)
    } else {
        Err(format!(
            "{task}: {} is missing; scripts/setup.sh installs it",
            tool.display()
        ))
    }
}

/// Runs `tool` with `args` on `file`, for `task`.
fn run_tool(task: &str, tool: &Path, args: &[String], file: &Path) -> Result<(), String> {
    let status = std::process::Command::new(tool)
        .args(args)
        .status()
        .map_err(|e| format!("{task}: cannot run {}: {e}", tool.display()))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!(
            "{task}: {} failed on {}",
            tool.display(),
            file.display()
        ))
    }
}

fn read(path: &Path) -> Result<Vec<u8>, String> {
    std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))
}

fn read_text(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

fn write(path: &Path, bytes: impl AsRef<[u8]>) -> Result<(), String> {
    std::fs::write(path, bytes).map_err(|e| format!("{}: {e}", path.display()))
}

/// Minifies every script in `dir` in place: wasm-bindgen's module (which
/// Trunk's own minifier cannot parse), the boot, failure and embed scripts;
/// and drops the inert `<link rel=rust>` from the pages.
fn minify(dir: &Path) -> Result<(), String> {
    let esbuild = npm_tool("minify", "esbuild")?;
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for path in entries.flatten().map(|e| e.path()) {
        if path.extension().and_then(|e| e.to_str()) != Some("js") {
            continue;
        }
        let p = path.display();
        let args = [
            p.to_string(),
            "--minify".into(),
            "--allow-overwrite".into(),
            "--log-level=warning".into(),
            format!("--outfile={p}"),
        ];
        run_tool("minify", &esbuild, &args, &path)?;
    }
    for page in ["index.html", "embed.html"] {
        let path = dir.join(page);
        write(&path, xtask::drop_rust_links(&read_text(&path)?))?;
    }
    Ok(())
}

/// The exports of the module that nothing calls:
/// - the stream classes of wasm-streams (`IntoUnderlyingSource` and its
///   kin), which Leptos links in for its server functions. Their code and
///   what only it reaches weigh 1.4 KB gzipped;
/// - the binary's empty `main`, which no page script runs;
/// - the globals of wasm-bindgen's abort handling and of the marker that
///   the code-splitting support Leptos links in leaves, which the glue
///   never reads.
fn unused_export(name: &str) -> bool {
    name.contains("intounderlying")
        || matches!(name, "main" | "__abort_handler" | "__instance_terminated")
        || name.starts_with("_WASM_SPLIT_MARKER_")
}

/// Shrinks `dir/rift_bg.wasm` and its glue `dir/rift.js` in place: the
/// unused exports dropped, then wasm-opt -Oz twice (the second pass finds
/// 0.8 KB more; a third, 40 bytes), the custom sections no browser reads,
/// and short names for what the two files call each other by.
fn shrink_wasm(dir: &Path) -> Result<(), String> {
    let wasm_opt = npm_tool("shrink-wasm", "wasm-opt")?;
    let path = dir.join("rift_bg.wasm");
    let (pruned, dropped) = xtask::wasm::drop_exports(&read(&path)?, unused_export)
        .map_err(|e| format!("{}: {e}", path.display()))?;
    if dropped == 0 {
        return Err(format!(
            "shrink-wasm: {} has none of the unused exports it drops; check `unused_export`",
            path.display()
        ));
    }
    write(&path, pruned)?;
    // --low-memory-unused: Rust puts nothing in the first KB of memory
    // (the stack is first and grows down towards it), so address
    // arithmetic folds into load offsets (1.8 KB less gzipped). The
    // custom sections go in the last pass: wasm-opt reads the module's
    // features from one of them.
    let file = path.display().to_string();
    for last in [false, true] {
        let mut args = vec!["-Oz".to_string(), "--low-memory-unused".into()];
        if last {
            args.extend(["--strip-producers".into(), "--strip-target-features".into()]);
        }
        args.extend([file.clone(), "-o".into(), file.clone()]);
        run_tool("shrink-wasm", &wasm_opt, &args, &path)?;
    }
    // Short names for the imports and the glue's exports, in the module
    // and its script (5.9 KB less gzipped, the two together).
    let script = dir.join("rift.js");
    let (renamed, renames) = xtask::wasm::rename(&read(&path)?, "./rift_bg.js", glue_export)
        .map_err(|e| format!("{}: {e}", path.display()))?;
    let js = read_text(&script)?;
    let js = xtask::wasm::rename_in_script(&js, &renames)
        .map_err(|e| format!("shrink-wasm: {}: {e}", script.display()))?;
    write(&path, renamed)?;
    write(&script, js)
}

/// The exports that only wasm-bindgen's glue calls (its allocator, its
/// closures' entry points, its tables), not the entry points of the page
/// scripts (`start_page`, …), which keep their names.
fn glue_export(name: &str) -> bool {
    ["__wbindgen_", "__wbg_", "__externref_", "wasm_bindgen__"]
        .iter()
        .any(|p| name.starts_with(p))
}

/// Times the pure lane layout (`scene::lane`) for all lanes of a synthetic
/// dataset at zooms from the whole range down to a week, and prints a
/// digest of what it lays out (see `scene_digest`).
fn bench_scene(n: usize) {
    use rift_core::dataset::{Lane, Timeline};
    use rift_core::scene::{lane, Style};
    use rift_core::viewport::{Bounds, Viewport};
    let lanes: Vec<Lane> = ["soviet-albanian", "soviet-yugoslav", "bloc-context"]
        .iter()
        .map(|id| Lane {
            id: id.to_string(),
            label: id.to_string(),
            tr: Default::default(),
        })
        .collect();
    let t = Timeline::new(rift_core::synth::dataset(n, &lanes, 1948, 1962)).expect("valid");
    let (a, b) = t.extent().expect("events");
    let bounds = Bounds::around(a, b);
    let style = Style::for_area(1280.0, 640.0, 3);
    println!(
        "| window | layout of 3 lanes (median of 50) | drawn | counted |\n|---|---:|---:|---:|"
    );
    for span in [bounds.max_span(), 365.0 * 2.0, 90.0, 7.0] {
        let v = Viewport::centered(
            rift_core::date::day_from_ymd(1960, 11, 14).unwrap() as f64,
            span,
            &bounds,
        );
        let mut times = Vec::new();
        let mut drawn = 0;
        let mut counted = 0;
        for _ in 0..50 {
            let t0 = std::time::Instant::now();
            let scenes: Vec<_> = (0..3)
                .map(|l| lane(&t, l, &v, 1280.0, &style, Default::default()))
                .collect();
            times.push(t0.elapsed().as_secs_f64() * 1000.0);
            drawn = scenes.iter().map(|s| s.items.len()).sum::<usize>();
            counted = scenes
                .iter()
                .flat_map(|s| &s.chips)
                .map(|c| c.members.len())
                .sum::<usize>();
        }
        times.sort_by(f64::total_cmp);
        println!(
            "| {:.0} days | {:.2} ms | {drawn} | {counted} |",
            v.span(),
            times[25]
        );
    }
    println!("\nlayout digest {:x}", scene_digest(&t, &bounds, &style));
}

/// A digest of every item and count marker `scene::lane` lays out over
/// fifteen zooms, with and without a search, filters, a selection and
/// measured labels: a change that should not alter the layout must leave
/// it as it was.
fn scene_digest(
    t: &rift_core::dataset::Timeline,
    bounds: &rift_core::viewport::Bounds,
    style: &rift_core::scene::Style,
) -> u64 {
    use rift_core::scene::{lane, Focus};
    use std::hash::{Hash, Hasher};
    let n = t.data.events.len();
    let prefer: Vec<bool> = (0..n).map(|i| i % 7 == 0).collect();
    let keep: Vec<bool> = (0..n).map(|i| i % 5 != 0).collect();
    let labels: Vec<f64> = (0..n).map(|i| 40.0 + (i % 13) as f64 * 9.0).collect();
    let searched = Focus {
        keep: Some(&keep),
        prefer: Some(&prefer),
        selected: Some(n / 3),
        labels: Some(&labels),
        ranked: None,
    };
    let full = bounds.full();
    let mut digest = std::collections::hash_map::DefaultHasher::new();
    for k in 0..=14 {
        let v = full.zoom_at(full.center() - 400.0, 1.5f64.powi(k), bounds);
        for focus in [Focus::default(), searched] {
            for l in 0..t.data.lanes.len() {
                // Measured labels are also read in the lane's rank order.
                let ranked = rift_core::scene::ranked_labels(t, l, &labels);
                let focus = Focus {
                    ranked: focus.labels.map(|_| ranked.as_slice()),
                    ..focus
                };
                let s = lane(t, l, &v, 1280.0, style, focus);
                for it in &s.items {
                    let place = [it.x0, it.x1, it.label_x, it.label_w].map(f64::to_bits);
                    (it.idx, it.row, place, it.cut_left, it.cut_right, it.shape).hash(&mut digest);
                }
                for c in &s.chips {
                    (&c.members, [c.x, c.start, c.end].map(f64::to_bits)).hash(&mut digest);
                }
            }
        }
    }
    digest.finish()
}

fn run() -> Result<(), String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("check-data") => {
            let path = data_file(args.get(1));
            let data = xtask::load(&path)?;
            let in_file = |e: rift_core::dataset::DataErrors| format!("{}: {e}", path.display());
            data.check_translations().map_err(in_file)?;
            xtask::check_quotes(&data, &xtask::sources_dir()).map_err(|e| e.to_string())?;
            let quotes: usize = data.events.iter().map(|e| e.citations.len()).sum();
            println!(
                "{}: {} events, {} citations, every quote verbatim in its source",
                path.display(),
                data.events.len(),
                quotes
            );
            Ok(())
        }
        Some("export-data") => {
            let dir = args
                .get(1)
                .map(PathBuf::from)
                .or_else(|| std::env::var_os("TRUNK_STAGING_DIR").map(PathBuf::from))
                .ok_or("export-data needs an output folder")?;
            let data = xtask::load(&data_file(None))?;
            std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
            std::fs::write(dir.join("events.json"), data.to_json()).map_err(|e| e.to_string())?;
            std::fs::write(dir.join("events.csv"), data.to_csv()).map_err(|e| e.to_string())?;
            // The event texts of the other languages, which the page fetches
            // when a reader needs them (rift_core::pack).
            for code in ["sq", "ru"] {
                let pack = rift_core::pack::texts(&data, code);
                std::fs::write(dir.join(format!("texts-{code}.txt")), pack)
                    .map_err(|e| e.to_string())?;
            }
            // The English summaries, disputes and passages, which the page
            // fetches when a reader first reaches for the timeline.
            std::fs::write(dir.join("details.txt"), rift_core::pack::details(&data))
                .map_err(|e| e.to_string())?;
            Ok(())
        }
        Some(task @ ("minify" | "shrink-wasm")) => {
            // Release builds only: a debug build keeps its scripts readable
            // and its module as wasm-bindgen wrote it.
            if std::env::var("TRUNK_PROFILE").is_ok_and(|p| p != "release") {
                return Ok(());
            }
            let dir = args
                .get(1)
                .map(PathBuf::from)
                .or_else(|| std::env::var_os("TRUNK_STAGING_DIR").map(PathBuf::from))
                .ok_or(format!("{task} needs the build's folder"))?;
            if task == "minify" {
                minify(&dir)
            } else {
                shrink_wasm(&dir)
            }
        }
        Some("bench-scene") => {
            bench_scene(args.get(1).and_then(|n| n.parse().ok()).unwrap_or(10_000));
            Ok(())
        }
        Some("sizes") => sizes(Path::new(args.get(1).map(String::as_str).unwrap_or("dist"))),
        Some("page-weight") => {
            let dir = Path::new(args.get(1).map(String::as_str).unwrap_or("dist"));
            let ceiling = args.get(2).map(|n| n.parse::<usize>().map_err(|e| format!("{n}: {e}")));
            page_weight(dir, ceiling.transpose()?)
        }
        _ => Err(
            "usage: xtask check-data [FILE] | export-data DIR | minify [DIR] | shrink-wasm [DIR] | sizes DIR | page-weight DIR [CEILING_BYTES]"
                .into(),
        ),
    }
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}
