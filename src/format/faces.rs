//! The five typeface roles of a bulletin and the faces that fill them: the
//! offices' own (as Word, WPS and the font files name them), the free
//! stand-ins jianbao ships, and the families a browser may have.

use serde::Serialize;

use crate::model::Face;

/// The faces compiled into the binary: file name and contents.
pub const SHIPPED: &[(&str, &[u8])] = &[
    (
        "FandolSong-Bold.otf",
        include_bytes!("../../fonts/FandolSong-Bold.otf"),
    ),
    (
        "FandolFang-Regular.otf",
        include_bytes!("../../fonts/FandolFang-Regular.otf"),
    ),
    (
        "FandolHei-Regular.otf",
        include_bytes!("../../fonts/FandolHei-Regular.otf"),
    ),
    (
        "FandolKai-Regular.otf",
        include_bytes!("../../fonts/FandolKai-Regular.otf"),
    ),
    (
        FALLBACK_FILE,
        include_bytes!("../../fonts/NotoSerifCJKsc-Regular-jianbao.otf"),
    ),
];

/// The shipped face that covers every ideograph of U+4E00–U+9FA5 the others
/// lack; it also stands in for 宋体.
pub const FALLBACK_FILE: &str = "NotoSerifCJKsc-Regular-jianbao.otf";

/// The family Typst knows [`FALLBACK_FILE`] by.
pub const FALLBACK_FAMILY: &str = "Noto Serif CJK SC";

/// A typeface role of the bulletin format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    /// 小标宋: the bulletin name and article titles.
    Title,
    /// 仿宋: body text, level-3 and level-4 headings, table cells, the footer.
    Fang,
    /// 黑体: handling mark, column headings, level-1 headings, table headers.
    Hei,
    /// 楷体: lead sentences, level-2 headings, subtitles.
    Kai,
    /// 宋体: page numbers.
    Song,
}

impl Role {
    /// Every role, in the order `jianbao fonts` lists them.
    pub const ALL: [Role; 5] = [Role::Title, Role::Fang, Role::Hei, Role::Kai, Role::Song];

    /// The role's key in the template's `fonts` dictionary.
    pub fn key(self) -> &'static str {
        match self {
            Role::Title => "title",
            Role::Fang => "fang",
            Role::Hei => "hei",
            Role::Kai => "kai",
            Role::Song => "song",
        }
    }

    /// The role a template key names.
    pub fn from_key(key: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.key() == key)
    }

    /// The role of a body face (leads, headings).
    pub fn of(face: Face) -> Role {
        match face {
            Face::Kai => Role::Kai,
            Face::Hei => Role::Hei,
            Face::Fang => Role::Fang,
        }
    }

    /// The face of a heading of `level` (GB/T 9704): 一、 黑体, （一） 楷体,
    /// 1. and （1） 仿宋.
    pub fn of_heading(level: u8) -> Role {
        match level {
            1 => Role::Hei,
            2 => Role::Kai,
            _ => Role::Fang,
        }
    }

    /// The role's Chinese name.
    pub fn chinese(self) -> &'static str {
        match self {
            Role::Title => "小标宋",
            Role::Fang => "仿宋",
            Role::Hei => "黑体",
            Role::Kai => "楷体",
            Role::Song => "宋体",
        }
    }

    /// The offices' own faces, by the family names they are installed
    /// under, the name Word and WPS use first.
    pub fn office_families(self) -> &'static [&'static str] {
        match self {
            Role::Title => &[
                "方正小标宋简体",
                "FZXiaoBiaoSong-B05S",
                "FZXiaoBiaoSong-B05",
                "方正小标宋_GBK",
            ],
            Role::Fang => &["仿宋_GB2312", "FangSong_GB2312", "仿宋", "FangSong"],
            Role::Hei => &["黑体", "SimHei"],
            Role::Kai => &["楷体_GB2312", "KaiTi_GB2312", "楷体", "KaiTi"],
            Role::Song => &["宋体", "SimSun"],
        }
    }

    /// The office face a Word document names for the role.
    pub fn office_face(self) -> &'static str {
        self.office_families()[0]
    }

    /// The file of our stand-in for the role.
    pub fn shipped_file(self) -> &'static str {
        match self {
            Role::Title => "FandolSong-Bold.otf",
            Role::Fang => "FandolFang-Regular.otf",
            Role::Hei => "FandolHei-Regular.otf",
            Role::Kai => "FandolKai-Regular.otf",
            Role::Song => FALLBACK_FILE,
        }
    }

    /// The contents of the shipped stand-in.
    pub fn shipped_data(self) -> &'static [u8] {
        SHIPPED
            .iter()
            .find(|(name, _)| *name == self.shipped_file())
            .map(|(_, data)| *data)
            .unwrap_or_default()
    }

    /// The family Typst knows the shipped stand-in by (a test holds these
    /// equal to the files).
    pub fn shipped_family(self) -> &'static str {
        match self {
            Role::Title => "FandolSong",
            Role::Fang => "FandolFang R",
            Role::Hei => "FandolHei",
            Role::Kai => "FandolKai",
            Role::Song => FALLBACK_FAMILY,
        }
    }

    /// The families the layout asks for when no office face is installed:
    /// the stand-in, then the fallback.
    pub fn shipped_families(self) -> Vec<&'static str> {
        let mut out = vec![self.shipped_family()];
        if self.shipped_family() != FALLBACK_FAMILY {
            out.push(FALLBACK_FAMILY);
        }
        out
    }

    /// A CSS font stack for a browser: the office faces, the faces macOS and
    /// Linux desktops carry, the stand-ins, a generic family. The page
    /// numbers' 宋体 has none (the HTML has no page numbers).
    pub fn css_stack(self) -> String {
        let (desktop, generic): (&[&str], &str) = match self {
            Role::Title => (&["STZhongsong", "华文中宋"], "serif"),
            Role::Fang => (&["STFangsong"], "serif"),
            Role::Hei => (
                &["Heiti SC", "PingFang SC", "Microsoft YaHei"],
                "sans-serif",
            ),
            Role::Kai => (&["STKaiti", "Kaiti SC"], "serif"),
            Role::Song => (&["Songti SC"], "serif"),
        };
        let after: &[&str] = match self {
            Role::Hei => &["Noto Sans CJK SC", "Source Han Sans SC"],
            Role::Kai => &["LXGW WenKai", "AR PL UKai CN"],
            _ => &[FALLBACK_FAMILY, "Source Han Serif SC", "Songti SC"],
        };
        let stand_in = self.shipped_family().trim_end_matches(" R");
        let mut families: Vec<&str> = self.office_families().to_vec();
        families.extend(desktop);
        families.push(stand_in);
        families.extend(after);
        families.dedup();
        let mut stack: Vec<String> = families.iter().map(|f| format!("\"{f}\"")).collect();
        stack.push(generic.to_string());
        stack.join(", ")
    }
}

/// One value for each typeface role.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct ByRole<T> {
    /// 小标宋: the name and the titles.
    pub title: T,
    /// 仿宋: the body.
    pub fang: T,
    /// 黑体.
    pub hei: T,
    /// 楷体.
    pub kai: T,
    /// 宋体: page numbers.
    pub song: T,
}

impl<T> ByRole<T> {
    /// A value for each role.
    pub fn from_fn(mut value: impl FnMut(Role) -> T) -> ByRole<T> {
        ByRole {
            title: value(Role::Title),
            fang: value(Role::Fang),
            hei: value(Role::Hei),
            kai: value(Role::Kai),
            song: value(Role::Song),
        }
    }

    /// The value of `role`.
    pub fn get(&self, role: Role) -> &T {
        match role {
            Role::Title => &self.title,
            Role::Fang => &self.fang,
            Role::Hei => &self.hei,
            Role::Kai => &self.kai,
            Role::Song => &self.song,
        }
    }
}

/// The faces a document names, one per typeface role.
pub type Faces = ByRole<String>;

impl Faces {
    /// The offices' own faces, as Word and WPS know them.
    pub fn office() -> Faces {
        Faces::from_fn(|role| role.office_face().to_string())
    }

    /// The face of a body face (leads, headings).
    pub fn by_face(&self, face: Face) -> &str {
        self.get(Role::of(face))
    }

    /// Every role's face, in [`Role::ALL`] order.
    pub fn all(&self) -> [&str; 5] {
        Role::ALL.map(|role| self.get(role).as_str())
    }
}

/// The template's role key of a heading of `level`.
pub fn heading_face(level: u8) -> &'static str {
    Role::of_heading(level).key()
}
