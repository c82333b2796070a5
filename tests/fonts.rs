//! Coverage: every ideograph of U+4E00–U+9FA5 renders; a character no face
//! has is a warning naming it and its place, an error under --strict.

use crate::support::{env, folder, layout, run_in, stderr};

#[test]
fn every_gbk_ideograph_has_a_shipped_glyph() {
    let fonts = &env().fonts;
    let missing: Vec<char> = ('\u{4E00}'..='\u{9FA5}')
        .filter(|&c| !fonts.covers(c))
        .collect();
    assert!(
        missing.is_empty(),
        "{} ideographs without a glyph, e.g. {:?}",
        missing.len(),
        &missing[..missing.len().min(10)]
    );
}

#[test]
fn rare_name_characters_print() {
    let dir = folder(&[(
        "i.yaml",
        "name: 测试简报\nunit: 测试办\nnumber: 1\ndate: 2024-01-05\narticles:\n  - title: 王喆 李堃\n    body:\n      - lead: 朱镕基、赵玥、孙珺。\n        text: 王喆同志与李堃同志。\n",
    )]);
    let path = dir.path().join("i.yaml");
    let loaded = jianbao::input::load(&jianbao::input::Input::Path(path.clone())).unwrap();
    let (typeset, warnings) = jianbao::typeset(env(), &loaded).unwrap();
    assert!(typeset.missing.is_empty(), "{:?}", typeset.missing);
    assert!(warnings.is_empty(), "{warnings:?}");
    let (_, doc) = layout(&path);
    let text: String = crate::support::pages(&doc)
        .iter()
        .map(|p| p.text())
        .collect();
    for name in ["王喆", "李堃", "朱镕基", "赵玥", "孙珺"] {
        assert!(text.contains(name), "{name} missing from the page");
    }
}

#[test]
fn a_character_no_font_has_is_a_located_warning_and_strict_makes_it_an_error() {
    // U+2A6D6 (CJK Extension B) is in none of the shipped faces.
    let issue = "name: 测试简报\nunit: 测试办\nnumber: 1\ndate: 2024-01-05\narticles:\n  - title: 标题\n    body:\n      - 有一个字\u{2A6D6}没有。\n";
    let dir = folder(&[("i.yaml", issue)]);
    let out = run_in(dir.path(), &["build", "i.yaml"], None);
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    assert!(
        err.starts_with("warning: no font has the character `\u{2A6D6}` (U+2A6D6)"),
        "{err}"
    );
    assert!(err.contains("--> i.yaml:8:13"), "{err}");
    assert!(err.contains("page 1"), "{err}");
    assert!(dir.path().join("i.pdf").exists());
    std::fs::remove_file(dir.path().join("i.pdf")).unwrap();

    let out = run_in(dir.path(), &["build", "--strict", "i.yaml"], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).starts_with("error: no font has the character"),
        "{}",
        stderr(&out)
    );
    assert!(!dir.path().join("i.pdf").exists());
}
