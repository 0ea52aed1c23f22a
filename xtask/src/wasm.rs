//! Dropping exports from a WebAssembly module, so that wasm-opt can drop
//! the code only they reach: wasm-bindgen exports every `#[wasm_bindgen]`
//! item of every crate linked in, used or not.

/// The module `wasm` without the exports whose names `drop` accepts, and
/// how many were dropped. Every other byte stays as it was.
pub fn drop_exports(wasm: &[u8], drop: impl Fn(&str) -> bool) -> Result<(Vec<u8>, usize), String> {
    const HEADER: &[u8] = b"\0asm\x01\0\0\0";
    const EXPORTS: u8 = 7;
    if !wasm.starts_with(HEADER) {
        return Err("not a WebAssembly module (version 1)".into());
    }
    let mut out = HEADER.to_vec();
    let mut dropped = 0;
    let mut at = HEADER.len();
    while at < wasm.len() {
        let id = wasm[at];
        let (len, body_at) = uleb(wasm, at + 1)?;
        let end = body_at
            .checked_add(len as usize)
            .filter(|&e| e <= wasm.len())
            .ok_or("a section runs past the end of the module")?;
        let body = &wasm[body_at..end];
        if id == EXPORTS {
            let (count, mut i) = uleb(body, 0)?;
            let mut kept = Vec::new();
            let mut n = 0u64;
            for _ in 0..count {
                let start = i;
                let (name_len, name_at) = uleb(body, i)?;
                let name_end = name_at + name_len as usize;
                let name = body
                    .get(name_at..name_end)
                    .and_then(|b| std::str::from_utf8(b).ok())
                    .ok_or("an export name is cut or not UTF-8")?;
                // Kind (one byte), then the index.
                let (_, next) = uleb(body, name_end + 1)?;
                i = next;
                if drop(name) {
                    dropped += 1;
                } else {
                    kept.extend_from_slice(&body[start..i]);
                    n += 1;
                }
            }
            let mut section = Vec::new();
            push_uleb(&mut section, n);
            section.extend_from_slice(&kept);
            out.push(id);
            push_uleb(&mut out, section.len() as u64);
            out.extend_from_slice(&section);
        } else {
            out.extend_from_slice(&wasm[at..end]);
        }
        at = end;
    }
    Ok((out, dropped))
}

/// An unsigned LEB128 number at `at`, and where it ends.
fn uleb(bytes: &[u8], mut at: usize) -> Result<(u64, usize), String> {
    let mut n = 0u64;
    for shift in (0..64).step_by(7) {
        let b = *bytes
            .get(at)
            .ok_or("a number runs past the end of the module")?;
        at += 1;
        n |= u64::from(b & 0x7f) << shift;
        if b < 0x80 {
            return Ok((n, at));
        }
    }
    Err("a number longer than 64 bits".into())
}

fn push_uleb(out: &mut Vec<u8>, mut n: u64) {
    loop {
        let b = (n & 0x7f) as u8;
        n >>= 7;
        if n == 0 {
            out.push(b);
            return;
        }
        out.push(b | 0x80);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A module with a type, two functions and three exports, assembled
    /// by hand: `keep` and `drop_me` (functions) and `memory`.
    fn module() -> Vec<u8> {
        let mut m = b"\0asm\x01\0\0\0".to_vec();
        // Type section: one type, () -> ().
        m.extend_from_slice(&[1, 4, 1, 0x60, 0, 0]);
        // Function section: two functions of type 0.
        m.extend_from_slice(&[3, 3, 2, 0, 0]);
        // Memory section: one memory, min 1 page.
        m.extend_from_slice(&[5, 3, 1, 0, 1]);
        // Export section.
        let mut exports = vec![3];
        for (name, kind, index) in [("keep", 0u8, 0u8), ("drop_me", 0, 1), ("memory", 2, 0)] {
            exports.push(name.len() as u8);
            exports.extend_from_slice(name.as_bytes());
            exports.extend_from_slice(&[kind, index]);
        }
        m.push(7);
        m.push(exports.len() as u8);
        m.extend_from_slice(&exports);
        // Code section: two empty bodies.
        m.extend_from_slice(&[10, 7, 2, 2, 0, 0x0b, 2, 0, 0x0b]);
        // A custom section after it, which must survive.
        m.extend_from_slice(&[0, 5, 4, b'n', b'o', b't', b'e']);
        m
    }

    fn export_names(wasm: &[u8]) -> Vec<String> {
        let mut names = Vec::new();
        let mut at = 8;
        while at < wasm.len() {
            let (len, body) = uleb(wasm, at + 1).unwrap();
            if wasm[at] == 7 {
                let (count, mut i) = uleb(wasm, body).unwrap();
                for _ in 0..count {
                    let (n, s) = uleb(wasm, i).unwrap();
                    names.push(String::from_utf8(wasm[s..s + n as usize].to_vec()).unwrap());
                    i = uleb(wasm, s + n as usize + 1).unwrap().1;
                }
            }
            at = body + len as usize;
        }
        names
    }

    #[test]
    fn drops_the_named_exports_and_keeps_every_other_byte() {
        let m = module();
        assert_eq!(export_names(&m), ["keep", "drop_me", "memory"]);
        let (out, n) = drop_exports(&m, |name| name.starts_with("drop")).unwrap();
        assert_eq!(n, 1);
        assert_eq!(export_names(&out), ["keep", "memory"]);
        // One entry (1 + 7 + 2 bytes) shorter; everything else in place.
        assert_eq!(out.len(), m.len() - 10);
        assert!(out.ends_with(&[0, 5, 4, b'n', b'o', b't', b'e']));
        let (same, none) = drop_exports(&m, |_| false).unwrap();
        assert_eq!((same, none), (m, 0));
    }

    #[test]
    fn a_broken_module_is_an_error() {
        let m = module();
        assert!(drop_exports(b"\0asm\x02\0\0\0", |_| true).is_err());
        for cut in [10, 20, m.len() - 3] {
            assert!(drop_exports(&m[..cut], |_| true).is_err(), "cut at {cut}");
        }
    }
}
