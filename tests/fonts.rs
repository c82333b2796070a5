//! Coverage: every ideograph of U+4E00–U+9FA5 renders; a character no face
//! has is a warning naming it and its place, an error under --strict;
//! `jianbao fonts` names the face the pages are set in.

use crate::support::{env, folder, layout, root, run_in, sample, stderr};

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

/// `jianbao fonts` names the face the pages are set in. A bold copy of the
/// 宋体 stand-in under `--font-path` comes first in the book, as a user's
/// faces do; the pages are set in the regular face all the same (Typst picks
/// by weight), and that is the one named. The 宋体 stand-in is the fallback
/// itself, so its line ends with where it came from, not an empty `then:`.
#[test]
fn fonts_names_the_face_the_pages_are_set_in() {
    use jianbao::input::{Input, load};
    use jianbao::typeset::fonts::{Fonts, Role};
    use jianbao::typeset::{Environment, TemplateSource};
    use typst::layout::{Frame, FrameItem};
    use typst::text::FontVariant;

    let dir = tempfile::tempdir().unwrap();
    let regular = std::fs::read(root().join("fonts").join(Role::Song.shipped_file())).unwrap();
    std::fs::write(dir.path().join("Song-Bold.otf"), with_weight(&regular, 700)).unwrap();
    let (fonts, warnings) = Fonts::load(&[dir.path().to_path_buf()]);
    assert!(warnings.is_empty(), "{warnings:?}");
    let song = fonts.roles().get(Role::Song)[0].clone();
    let first = fonts.book().info(0).unwrap();
    assert_eq!(
        (first.family.as_str(), first.variant.weight.to_number()),
        (song.as_str(), 700),
        "the bold copy is first in the book"
    );
    assert_ne!(
        fonts
            .book()
            .select(&song.to_lowercase(), FontVariant::default()),
        Some(0),
        "but not Typst's choice for regular text"
    );

    let environment = Environment::new(fonts, TemplateSource::Shipped);
    let loaded = load(&Input::Path(sample("linjiang/2024-09.yaml"))).unwrap();
    let (typeset, _) = jianbao::typeset(&environment, &loaded).unwrap();
    fn weights(frame: &Frame, family: &str, out: &mut Vec<u16>) {
        for (_, item) in frame.items() {
            match item {
                FrameItem::Group(group) => weights(&group.frame, family, out),
                FrameItem::Text(text) if text.font.info().family == family => {
                    out.push(text.font.info().variant.weight.to_number());
                }
                _ => {}
            }
        }
    }
    let mut set = Vec::new();
    for page in typeset.document.pages() {
        weights(&page.frame, &song, &mut set);
    }
    assert!(
        !set.is_empty() && set.iter().all(|&w| w == 400),
        "{song} set at weights {set:?}"
    );

    let out = run_in(
        &root(),
        &["fonts", "--font-path", dir.path().to_str().unwrap()],
        None,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let text = String::from_utf8(out.stdout).unwrap();
    let line = text.lines().find(|l| l.starts_with("宋体")).unwrap();
    assert_eq!(
        line,
        format!("宋体\t{song}\tshipped ({})", Role::Song.shipped_file())
    );
    assert!(
        text.lines().all(|l| !l.trim_end().ends_with("then:")),
        "{text}"
    );
}

/// An OpenType face with its OS/2 weight class set to `weight`.
fn with_weight(font: &[u8], weight: u16) -> Vec<u8> {
    let tables = usize::from(u16::from_be_bytes([font[4], font[5]]));
    let record = (0..tables)
        .map(|i| 12 + 16 * i)
        .find(|&r| &font[r..r + 4] == b"OS/2")
        .expect("an OS/2 table");
    let at = u32::from_be_bytes(font[record + 8..record + 12].try_into().unwrap()) as usize;
    let mut out = font.to_vec();
    out[at + 4..at + 6].copy_from_slice(&weight.to_be_bytes());
    out
}
