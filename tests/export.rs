//! `--format typ`: the Typst project jianbao compiles, exported as a folder
//! that the typst CLI compiles to the same pages.

use std::fs;

use crate::support::{env, folder, good_issue, layout, pages, run_in, stderr};

#[test]
fn typ_output_is_a_folder_the_typst_cli_can_compile() {
    let dir = folder(&[("i.yaml", &good_issue(5))]);
    let out = run_in(
        dir.path(),
        &["build", "i.yaml", "--format", "typ", "-o", "exported"],
        None,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let root = dir.path().join("exported");
    let main = fs::read_to_string(root.join("main.typ")).unwrap();
    assert!(main.contains("#include \"/.jianbao/main.typ\""));
    let data: serde_json::Value =
        serde_json::from_slice(&fs::read(root.join(".jianbao/data.json")).unwrap()).unwrap();
    assert_eq!(data["issue"]["number"], 5);
    assert_eq!(
        fs::read_to_string(root.join(".jianbao/template/bulletin.typ")).unwrap(),
        jianbao::typeset::template::SHIPPED_TEMPLATE
    );
    assert_eq!(
        fs::read_to_string(root.join(".jianbao/main.typ")).unwrap(),
        jianbao::typeset::world::MAIN
    );
    // Compiled as the typst CLI compiles it (`typst compile --root .
    // main.typ`: files from the folder, nothing else), the folder gives the
    // pages jianbao lays out itself.
    let world = FolderWorld::new(root.clone());
    let mut exported = typst::compile::<typst_layout::PagedDocument>(&world)
        .output
        .unwrap_or_else(|e| panic!("the exported folder does not compile: {e:?}"));
    let (_, mut ours) = layout(&dir.path().join("i.yaml"));
    // The template sets the metadata there (jianbao sets it on its own
    // layout): the same title, author, description and keywords.
    assert_eq!(data["set_metadata"], true);
    let (a, b) = (exported.info_mut().clone(), ours.info_mut().clone());
    assert!(
        a.title.as_deref().is_some_and(|t| t.contains("第 5 期")),
        "{a:?}"
    );
    assert_eq!(
        (a.title, a.author, a.description, a.keywords),
        (b.title, b.author, b.description, b.keywords)
    );
    let (a, b) = (pages(&exported), pages(&ours));
    assert_eq!(a.len(), b.len(), "page count");
    for (x, y) in a.iter().zip(&b) {
        assert_eq!(x.text(), y.text(), "the same text on each page");
        assert_eq!(x.runs.len(), y.runs.len());
        for (r, s) in x.runs.iter().zip(&y.runs) {
            assert!(
                (r.x - s.x).abs() < 1e-6 && (r.y - s.y).abs() < 1e-6,
                "{} placed alike",
                r.text
            );
        }
    }
}

/// A Typst world over a folder, as the typst CLI sees a project: the root is
/// the folder, `main.typ` the entry, fonts the shipped ones (`--font-path`).
struct FolderWorld {
    root: std::path::PathBuf,
    library: typst::utils::LazyHash<typst::Library>,
}

impl FolderWorld {
    fn new(root: std::path::PathBuf) -> FolderWorld {
        use typst::LibraryExt;
        FolderWorld {
            root,
            library: typst::utils::LazyHash::new(typst::Library::default()),
        }
    }

    fn read(&self, id: typst::syntax::FileId) -> typst::diag::FileResult<Vec<u8>> {
        let path = self.root.join(id.vpath().get_without_slash());
        fs::read(&path).map_err(|e| typst::diag::FileError::from_io(e, &path))
    }
}

impl typst::World for FolderWorld {
    fn library(&self) -> &typst::utils::LazyHash<typst::Library> {
        &self.library
    }

    fn book(&self) -> &typst::utils::LazyHash<typst::text::FontBook> {
        env().fonts.book()
    }

    fn main(&self) -> typst::syntax::FileId {
        use typst::syntax::{RootedPath, VirtualPath, VirtualRoot};
        RootedPath::new(VirtualRoot::Project, VirtualPath::new("/main.typ").unwrap()).intern()
    }

    fn source(&self, id: typst::syntax::FileId) -> typst::diag::FileResult<typst::syntax::Source> {
        let text =
            String::from_utf8(self.read(id)?).map_err(|_| typst::diag::FileError::InvalidUtf8)?;
        Ok(typst::syntax::Source::new(id, text))
    }

    fn file(
        &self,
        id: typst::syntax::FileId,
    ) -> typst::diag::FileResult<typst::foundations::Bytes> {
        self.read(id).map(typst::foundations::Bytes::new)
    }

    fn font(&self, index: usize) -> Option<typst::text::Font> {
        env().fonts.font(index)
    }

    fn today(
        &self,
        _: Option<typst::foundations::Duration>,
    ) -> Option<typst::foundations::Datetime> {
        typst::foundations::Datetime::from_ymd(2024, 1, 5)
    }
}

/// A 公文's project: its own entry and template, the seal beside the data,
/// compiled as the typst CLI would to the pages jianbao lays out itself.
#[test]
fn a_gongwen_exports_a_project_the_typst_cli_can_compile() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("notice.typ");
    let src = crate::support::sample("gongwen/2026-5.yaml");
    let out = crate::support::run(&[
        "build",
        src.to_str().unwrap(),
        "--format",
        "typ",
        "-o",
        root.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        fs::read_to_string(root.join(".jianbao/main.typ")).unwrap(),
        jianbao::typeset::world::MAIN_GONGWEN
    );
    assert!(
        root.join("seal.svg").is_file(),
        "the seal goes with the project"
    );
    let world = FolderWorld::new(root.clone());
    let exported = typst::compile::<typst_layout::PagedDocument>(&world)
        .output
        .unwrap_or_else(|e| panic!("the exported folder does not compile: {e:?}"));
    let jianbao::input::Document::Gongwen(loaded) =
        jianbao::input::load_document(&jianbao::input::Input::Path(src)).unwrap()
    else {
        panic!("a 公文")
    };
    let ours = jianbao::typeset::typeset_gongwen(env(), &loaded, &Default::default())
        .unwrap()
        .0
        .document;
    let (a, b) = (pages(&exported), pages(&ours));
    assert_eq!(a.len(), b.len(), "page count");
    for (x, y) in a.iter().zip(&b) {
        assert_eq!(x.text(), y.text(), "the same text on each page");
        assert_eq!(x.images.len(), y.images.len(), "the seal on its page");
    }
}
