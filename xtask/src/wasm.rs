//! Two edits of a WebAssembly module and its wasm-bindgen glue that
//! wasm-opt does not make:
//! - dropping exports, so that wasm-opt can drop the code only they reach:
//!   wasm-bindgen exports every `#[wasm_bindgen]` item of every crate
//!   linked in, used or not;
//! - short names for the imports and the glue's own exports, in the module
//!   and the script alike: wasm-bindgen names each import after its
//!   function and a hash (`__wbg_enqueue_c11626eae1c54509`), 189 of them,
//!   written in both files, and hashes do not compress.

/// The module `wasm` without the exports whose names `drop` accepts, and
/// how many were dropped. Every other byte stays as it was.
pub fn drop_exports(wasm: &[u8], drop: impl Fn(&str) -> bool) -> Result<(Vec<u8>, usize), String> {
    const EXPORTS: u8 = 7;
    let mut dropped = 0;
    let out = edit_sections(wasm, |id, body| {
        if id != EXPORTS {
            return Ok(None);
        }
        let (count, mut i) = uleb(body, 0)?;
        let mut kept = Vec::new();
        let mut n = 0u64;
        for _ in 0..count {
            let start = i;
            let (item, next) = name(body, i)?;
            // Kind (one byte), then the index.
            i = uleb(body, next + 1)?.1;
            if drop(item) {
                dropped += 1;
            } else {
                kept.extend_from_slice(&body[start..i]);
                n += 1;
            }
        }
        let mut section = Vec::new();
        push_uleb(&mut section, n);
        section.extend_from_slice(&kept);
        Ok(Some(section))
    })?;
    Ok((out, dropped))
}

/// What [`rename`] renamed: each old name and its new one.
pub type Renames = Vec<(String, String)>;

/// The module with short names: the import module `module` (wasm-bindgen
/// calls it after the script, `./rift_bg.js`) becomes `a`, each import
/// of it a short name, and each export that `glue` accepts a short name
/// starting with `_` (so never one of the others). The names changed are
/// returned for [`rename_in_script`].
pub fn rename(
    wasm: &[u8],
    module: &str,
    glue: impl Fn(&str) -> bool,
) -> Result<(Vec<u8>, Renames), String> {
    const IMPORTS: u8 = 2;
    const EXPORTS: u8 = 7;
    let mut renames = vec![(module.to_string(), "a".to_string())];
    let mut exports = 0;
    edit_sections(wasm, |id, body| match id {
        IMPORTS => {
            let (count, mut i) = uleb(body, 0)?;
            let mut out = Vec::new();
            push_uleb(&mut out, count);
            let mut imports = 0;
            for _ in 0..count {
                let (from, next) = name(body, i)?;
                let (item, next) = name(body, next)?;
                let desc_end = import_desc_end(body, next)?;
                if from == module {
                    let short = short_name(imports);
                    imports += 1;
                    renames.push((item.to_string(), short.clone()));
                    push_name(&mut out, "a");
                    push_name(&mut out, &short);
                } else {
                    push_name(&mut out, from);
                    push_name(&mut out, item);
                }
                out.extend_from_slice(&body[next..desc_end]);
                i = desc_end;
            }
            Ok(Some(out))
        }
        EXPORTS => {
            let (count, mut i) = uleb(body, 0)?;
            let mut out = Vec::new();
            push_uleb(&mut out, count);
            for _ in 0..count {
                let (item, next) = name(body, i)?;
                let (_, end) = uleb(body, next + 1)?;
                if glue(item) {
                    let short = format!("_{}", short_name(exports));
                    exports += 1;
                    renames.push((item.to_string(), short.clone()));
                    push_name(&mut out, &short);
                } else {
                    push_name(&mut out, item);
                }
                out.extend_from_slice(&body[next..end]);
                i = end;
            }
            Ok(Some(out))
        }
        _ => Ok(None),
    })
    .map(|out| (out, renames))
}

/// The glue script `js` with the names [`rename`] changed: each one
/// where it stands as a whole name or a quoted string. A name the script
/// does not hold is an error (the glue is not what this expects).
pub fn rename_in_script(js: &str, renames: &Renames) -> Result<String, String> {
    let mut out = js.to_string();
    for (old, new) in renames {
        let (replaced, n) = replace_whole(&out, old, new);
        if n == 0 {
            return Err(format!("the script does not mention `{old}`"));
        }
        out = replaced;
    }
    Ok(out)
}

/// `s` with every `old` that is not part of a longer JavaScript name
/// replaced by `new`, and how many there were.
fn replace_whole(s: &str, old: &str, new: &str) -> (String, usize) {
    let part =
        |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$');
    let mut out = String::with_capacity(s.len());
    let mut n = 0;
    let mut rest = s;
    while let Some(at) = rest.find(old) {
        out.push_str(&rest[..at]);
        let before = out.chars().next_back();
        let after = rest[at + old.len()..].chars().next();
        // A quoted module name ends in ".js": its neighbours are quotes.
        if part(before) || part(after) {
            out.push_str(old);
        } else {
            out.push_str(new);
            n += 1;
        }
        rest = &rest[at + old.len()..];
    }
    out.push_str(rest);
    (out, n)
}

/// The `k`-th short name: a … z, A … Z, aa, ab, …
fn short_name(mut k: usize) -> String {
    const LETTERS: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    let mut name = Vec::new();
    loop {
        name.push(LETTERS[k % LETTERS.len()]);
        k /= LETTERS.len();
        if k == 0 {
            break;
        }
        k -= 1;
    }
    name.reverse();
    String::from_utf8(name).expect("ASCII")
}

/// A name (length and UTF-8 bytes) at `at`, and where it ends.
fn name(body: &[u8], at: usize) -> Result<(&str, usize), String> {
    let (len, start) = uleb(body, at)?;
    let end = start + len as usize;
    let s = body
        .get(start..end)
        .and_then(|b| std::str::from_utf8(b).ok())
        .ok_or("a name is cut or not UTF-8")?;
    Ok((s, end))
}

fn push_name(out: &mut Vec<u8>, s: &str) {
    push_uleb(out, s.len() as u64);
    out.extend_from_slice(s.as_bytes());
}

/// Where the description of an import (its kind and type) that starts at
/// `at` ends.
fn import_desc_end(body: &[u8], at: usize) -> Result<usize, String> {
    let kind = *body.get(at).ok_or("an import is cut")?;
    let limits = |at: usize| -> Result<usize, String> {
        let flags = *body.get(at).ok_or("an import is cut")?;
        let (_, next) = uleb(body, at + 1)?;
        Ok(if flags & 1 == 1 {
            uleb(body, next)?.1
        } else {
            next
        })
    };
    match kind {
        // A function: its type's index.
        0 => Ok(uleb(body, at + 1)?.1),
        // A table: its element type (one byte), then limits.
        1 => limits(at + 2),
        // A memory: limits.
        2 => limits(at + 1),
        // A global: its value type (one byte) and mutability.
        3 => Ok(at + 3),
        _ => Err(format!(
            "an import of kind {kind}, which this does not read"
        )),
    }
}

/// The module with each section that `edit` returns a new body for
/// replaced by it (`edit` gets the section's id and body).
fn edit_sections(
    wasm: &[u8],
    mut edit: impl FnMut(u8, &[u8]) -> Result<Option<Vec<u8>>, String>,
) -> Result<Vec<u8>, String> {
    const HEADER: &[u8] = b"\0asm\x01\0\0\0";
    if !wasm.starts_with(HEADER) {
        return Err("not a WebAssembly module (version 1)".into());
    }
    let mut out = HEADER.to_vec();
    let mut at = HEADER.len();
    while at < wasm.len() {
        let id = wasm[at];
        let (len, body_at) = uleb(wasm, at + 1)?;
        let end = body_at
            .checked_add(len as usize)
            .filter(|&e| e <= wasm.len())
            .ok_or("a section runs past the end of the module")?;
        match edit(id, &wasm[body_at..end])? {
            Some(body) => {
                out.push(id);
                push_uleb(&mut out, body.len() as u64);
                out.extend_from_slice(&body);
            }
            None => out.extend_from_slice(&wasm[at..end]),
        }
        at = end;
    }
    Ok(out)
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

    /// A module importing two functions from its glue and a memory from
    /// `env`, and exporting `main` and a glue function.
    fn with_imports() -> Vec<u8> {
        let mut m = b"\0asm\x01\0\0\0".to_vec();
        m.extend_from_slice(&[1, 4, 1, 0x60, 0, 0]);
        let mut imports = vec![3];
        for (from, item) in [
            ("./glue.js", "__wbg_log_0123"),
            ("./glue.js", "__wbindgen_throw"),
        ] {
            push_name(&mut imports, from);
            push_name(&mut imports, item);
            imports.extend_from_slice(&[0, 0]);
        }
        push_name(&mut imports, "env");
        push_name(&mut imports, "memory");
        imports.extend_from_slice(&[2, 1, 1, 2]);
        m.push(2);
        m.push(imports.len() as u8);
        m.extend_from_slice(&imports);
        m.extend_from_slice(&[3, 2, 1, 0]);
        let mut exports = vec![2];
        for item in ["main", "__wbindgen_malloc"] {
            push_name(&mut exports, item);
            exports.extend_from_slice(&[0, 2]);
        }
        m.push(7);
        m.push(exports.len() as u8);
        m.extend_from_slice(&exports);
        m.extend_from_slice(&[10, 4, 1, 2, 0, 0x0b]);
        m
    }

    fn import_names(wasm: &[u8]) -> Vec<(String, String)> {
        let mut names = Vec::new();
        edit_sections(wasm, |id, body| {
            if id == 2 {
                let (count, mut i) = uleb(body, 0)?;
                for _ in 0..count {
                    let (from, next) = name(body, i)?;
                    let (item, next) = name(body, next)?;
                    names.push((from.to_string(), item.to_string()));
                    i = import_desc_end(body, next)?;
                }
            }
            Ok(None)
        })
        .unwrap();
        names
    }

    #[test]
    fn short_names_for_the_glue_in_the_module_and_the_script() {
        let m = with_imports();
        let (out, renames) = rename(&m, "./glue.js", |n| n.starts_with("__wbindgen_")).unwrap();
        let pairs = |v: &[(&str, &str)]| -> Vec<(String, String)> {
            v.iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect()
        };
        assert_eq!(
            import_names(&out),
            pairs(&[("a", "a"), ("a", "b"), ("env", "memory")])
        );
        assert_eq!(export_names(&out), ["main", "_a"]);
        assert_eq!(
            renames,
            pairs(&[
                ("./glue.js", "a"),
                ("__wbg_log_0123", "a"),
                ("__wbindgen_throw", "b"),
                ("__wbindgen_malloc", "_a"),
            ])
        );
        // The memory import's limits (min and max) are carried over.
        assert!(out.windows(4).any(|w| w == [2, 1, 1, 2]));
        let js = r#"const i = { "./glue.js": { __wbg_log_0123: function(a) { log(a) }, __wbindgen_throw: function() {} } };
wasm.__wbindgen_malloc(1); wasm.__wbindgen_malloc_2(2); x__wbindgen_malloc(3); wasm.main();"#;
        let renamed = rename_in_script(js, &renames).unwrap();
        assert_eq!(
            renamed,
            r#"const i = { "a": { a: function(a) { log(a) }, b: function() {} } };
wasm._a(1); wasm.__wbindgen_malloc_2(2); x__wbindgen_malloc(3); wasm.main();"#
        );
        // A script that does not hold a name is not the glue it expects.
        let e = rename_in_script("wasm.main()", &renames).unwrap_err();
        assert!(e.contains("./glue.js"), "{e}");
        assert_eq!(
            (0..3)
                .chain([51, 52, 53])
                .map(short_name)
                .collect::<Vec<_>>(),
            ["a", "b", "c", "Z", "aa", "ab"]
        );
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
