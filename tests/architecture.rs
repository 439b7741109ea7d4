//! The layers as the code names them: `http -> service -> (store, search) -> model`, and no
//! import circle between the files of one folder. Read from the sources; comments and
//! string literals do not count.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// What the files under a folder of `src/` may not name.
const FORBIDDEN: &[(&str, &[&str])] = &[
    (
        "http",
        &["crate::search", "sled", "crate::cli", "crate::dev"],
    ),
    (
        "presentation",
        &[
            "crate::http",
            "crate::search",
            "crate::store",
            "sled",
            "crate::cli",
            "crate::dev",
        ],
    ),
    (
        "service",
        &[
            "crate::http",
            "crate::presentation",
            "crate::cli",
            "crate::dev",
        ],
    ),
    (
        "search",
        &[
            "crate::service",
            "crate::http",
            "crate::store",
            "utoipa",
            "crate::presentation",
            "crate::cli",
            "crate::dev",
        ],
    ),
    (
        "store",
        &[
            "crate::service",
            "crate::http",
            "crate::search",
            "crate::presentation",
            "crate::cli",
            "crate::dev",
        ],
    ),
    (
        "model",
        &[
            "crate::service",
            "crate::http",
            "crate::search",
            "crate::store",
            "crate::presentation",
            "crate::cli",
            "crate::dev",
        ],
    ),
];

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// Every `.rs` file below `dir`.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut dirs = vec![dir.to_path_buf()];
    while let Some(d) = dirs.pop() {
        for entry in std::fs::read_dir(&d).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

/// The code of a file without comments and string or character literals.
fn code(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'/') => {
                for c in chars.by_ref() {
                    if c == '\n' {
                        out.push('\n');
                        break;
                    }
                }
            }
            '"' => {
                let mut escaped = false;
                for c in chars.by_ref() {
                    match (escaped, c) {
                        (false, '\\') => escaped = true,
                        (false, '"') => break,
                        _ => escaped = false,
                    }
                }
                out.push_str("\"\"");
            }
            _ => out.push(c),
        }
    }
    expand_groups(&out)
}

/// `crate::{a, b::c}` written out as `crate::a crate::b::c`, so a grouped import is seen.
fn expand_groups(code: &str) -> String {
    let mut out = String::with_capacity(code.len());
    let mut rest = code;
    while let Some(at) = rest.find("crate::{") {
        out.push_str(&rest[..at]);
        let group = &rest[at + "crate::{".len()..];
        let end = group.find('}').unwrap_or(group.len());
        for part in group[..end].split(',') {
            out.push_str(" crate::");
            out.push_str(part.trim());
        }
        rest = &group[(end + 1).min(group.len())..];
    }
    out.push_str(rest);
    out
}

/// Whether `code` names `name` as a whole path (not as part of a longer word).
fn names(code: &str, name: &str) -> bool {
    code.match_indices(name).any(|(at, _)| {
        let before = code[..at].chars().next_back();
        let after = code[at + name.len()..].chars().next();
        let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
        !word(before) && !word(after)
    })
}

#[test]
fn each_layer_names_only_the_layers_below_it() {
    let mut breaches = Vec::new();
    for (folder, forbidden) in FORBIDDEN {
        for file in rust_files(&src().join(folder)) {
            let code = code(&file);
            for name in *forbidden {
                if names(&code, name) {
                    breaches.push(format!("{} names {name}", file.display()));
                }
            }
        }
    }
    assert!(breaches.is_empty(), "{breaches:#?}");
}

#[test]
fn the_layer_check_sees_a_breach() {
    assert!(names("use crate::search::Hit;", "crate::search"));
    assert!(names("let db: sled::Db;", "sled"));
    assert!(!names("use crate::searching;", "crate::search"));
    assert!(names(
        &expand_groups("use crate::{model, search::Hit};"),
        "crate::search"
    ));
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.rs");
    std::fs::write(&file, "// crate::search\nlet s = \"sled\";\n").unwrap();
    assert!(!names(&code(&file), "crate::search"));
    assert!(!names(&code(&file), "sled"));
}

/// One folder's files and what each names of the others.
struct Folder {
    /// `mod`, `lib` or `main`: the file that declares the others, if any.
    parent: Option<String>,
    /// File stems and sub-folders.
    modules: BTreeSet<String>,
    /// Items the parent re-exports, by the module they come from.
    reexports: BTreeMap<String, String>,
    /// The folder's path from the crate root (`crate::http::pages`).
    path: String,
    code: BTreeMap<String, String>,
}

impl Folder {
    /// The folder `dir` of the crate whose sources are at `root`.
    fn read(root: &Path, dir: &Path) -> Option<Folder> {
        let mut modules = BTreeSet::new();
        let mut code = BTreeMap::new();
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            let path = entry.path();
            let stem = path.file_stem()?.to_string_lossy().to_string();
            if path.is_dir() {
                modules.insert(stem);
            } else if path.extension().is_some_and(|e| e == "rs") {
                code.insert(stem.clone(), self::code(&path));
                modules.insert(stem);
            }
        }
        if code.is_empty() {
            return None;
        }
        let parent = ["mod", "lib"]
            .into_iter()
            .find(|p| code.contains_key(*p))
            .map(str::to_string);
        let relative = dir
            .strip_prefix(root)
            .unwrap()
            .to_string_lossy()
            .to_string();
        let path = std::iter::once("crate")
            .chain(relative.split('/').filter(|p| !p.is_empty()))
            .collect::<Vec<_>>()
            .join("::");
        let mut folder = Folder {
            parent,
            modules,
            reexports: BTreeMap::new(),
            path,
            code,
        };
        folder.reexports = folder.parent_reexports();
        Some(folder)
    }

    /// `pub use module::{Item, …};` lines of the parent.
    fn parent_reexports(&self) -> BTreeMap<String, String> {
        let mut map = BTreeMap::new();
        let Some(parent) = self.parent.as_ref().and_then(|p| self.code.get(p)) else {
            return map;
        };
        for statement in parent.split(';') {
            let statement = statement.trim();
            if !statement.starts_with("pub") {
                continue;
            }
            let Some((_, used)) = statement.split_once("use ") else {
                continue;
            };
            let used = used.trim().trim_start_matches("self::");
            let Some((module, items)) = used.split_once("::") else {
                continue;
            };
            if self.modules.contains(module) {
                for item in items.split(|c: char| !(c.is_alphanumeric() || c == '_')) {
                    if !item.is_empty() {
                        map.insert(item.to_string(), module.to_string());
                    }
                }
            }
        }
        map
    }

    /// The file a child's `super::name` (or `crate::…::name`) leads to.
    fn target(&self, name: &str) -> Option<String> {
        if self.modules.contains(name) {
            Some(name.to_string())
        } else if let Some(module) = self.reexports.get(name) {
            Some(module.clone())
        } else {
            self.parent.clone()
        }
    }

    /// The first identifiers of every path after `prefix` in `code` (`{a, b::c}` gives a, b).
    fn heads(code: &str, prefix: &str) -> Vec<String> {
        let mut heads = Vec::new();
        for (at, _) in code.match_indices(prefix) {
            let before = code[..at].chars().next_back();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
                continue;
            }
            let rest = &code[at + prefix.len()..];
            if let Some(group) = rest.strip_prefix('{') {
                let group = &group[..group.find('}').unwrap_or(group.len())];
                for part in group.split(',') {
                    let head = part.trim().split("::").next().unwrap_or("");
                    heads.push(head.trim().to_string());
                }
            } else {
                let end = rest
                    .find(|c: char| !(c.is_alphanumeric() || c == '_'))
                    .unwrap_or(rest.len());
                heads.push(rest[..end].to_string());
            }
        }
        heads.retain(|h| !h.is_empty());
        heads
    }

    /// For each file, the files of this folder it names.
    fn edges(&self) -> BTreeMap<String, BTreeSet<String>> {
        let mut edges = BTreeMap::new();
        for (file, code) in &self.code {
            let mut to = BTreeSet::new();
            if Some(file) == self.parent.as_ref() {
                let body: Vec<&str> = code
                    .lines()
                    .filter(|l| {
                        !l.trim_start()
                            .trim_start_matches("pub ")
                            .starts_with("mod ")
                    })
                    .collect();
                let body = body.join("\n");
                for module in &self.modules {
                    if !Self::heads(&body, &format!("{module}::")).is_empty() {
                        to.insert(module.clone());
                    }
                }
            } else {
                let own = format!("{}::", self.path);
                // `super::super::…` leaves this folder: it names no file of it.
                let inside = Self::heads(code, "super::")
                    .into_iter()
                    .filter(|h| h != "super");
                for head in inside.chain(
                    Self::heads(code, &own)
                        .into_iter()
                        .filter(|_| self.path != "crate"),
                ) {
                    to.extend(self.target(&head));
                }
            }
            to.remove(file);
            to.retain(|t| self.code.contains_key(t));
            edges.insert(file.clone(), to);
        }
        edges
    }
}

/// A circle in `edges`, if there is one.
fn circle(edges: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        edges: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|n| n == node) {
            let mut found = path[at..].to_vec();
            found.push(node.to_string());
            return Some(found);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_string());
        for next in edges.get(node).into_iter().flatten() {
            if let Some(found) = visit(next, edges, path, done) {
                return Some(found);
            }
        }
        path.pop();
        done.insert(node.to_string());
        None
    }
    let mut done = BTreeSet::new();
    edges
        .keys()
        .find_map(|node| visit(node, edges, &mut Vec::new(), &mut done))
}

#[test]
fn no_two_files_of_one_folder_import_each_other_in_a_circle() {
    let mut dirs = vec![src()];
    let mut circles = Vec::new();
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap().flatten() {
            if entry.path().is_dir() {
                dirs.push(entry.path());
            }
        }
        if let Some(folder) = Folder::read(&src(), &dir) {
            if let Some(found) = circle(&folder.edges()) {
                circles.push(format!("{}: {}", folder.path, found.join(" -> ")));
            }
        }
    }
    assert!(circles.is_empty(), "{circles:#?}");
}

#[test]
fn the_circle_check_sees_a_circle() {
    let edges: BTreeMap<String, BTreeSet<String>> = [
        ("a", vec!["b"]),
        ("b", vec!["c"]),
        ("c", vec!["a"]),
        ("d", vec![]),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v.into_iter().map(str::to_string).collect()))
    .collect();
    assert_eq!(circle(&edges).unwrap(), ["a", "b", "c", "a"]);
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, text: &str| std::fs::write(dir.path().join(name), text).unwrap();
    write(
        "mod.rs",
        "mod a;\nmod b;\npub use b::Thing;\nfn f() { a::g() }\n",
    );
    write("a.rs", "use super::Thing;\n");
    write("b.rs", "pub struct Thing;\n");
    let folder = Folder::read(dir.path(), dir.path()).unwrap();
    assert_eq!(circle(&folder.edges()), None, "mod -> a -> b");
    write("b.rs", "use super::a::g;\n");
    let folder = Folder::read(dir.path(), dir.path()).unwrap();
    assert!(circle(&folder.edges()).is_some(), "mod -> a -> b -> a");
    write("b.rs", "pub struct Thing;\n");
    write("a.rs", "use super::Other;\n");
    write("mod.rs", "mod a;\nstruct Other;\nfn f() { a::g() }\n");
    let folder = Folder::read(dir.path(), dir.path()).unwrap();
    assert!(circle(&folder.edges()).is_some(), "mod -> a -> mod");
}
