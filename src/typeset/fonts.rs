//! Fonts: the shipped faces, faces from `--font-path`, and the choice of a
//! family for each of the five typeface roles of a bulletin.
//!
//! Loaded once per process and shared by every compilation. The template is
//! told, for each role, the families that exist in this process (the office's
//! own face first when the user supplied it, then ours, then the wide-coverage
//! fallback), so it never names a font Typst cannot find.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use typst::foundations::Bytes;
use typst::text::{Font, FontBook, FontInfo, FontVariant};
use typst::utils::LazyHash;
use typst_kit::fonts::{FontPath, FontStore};

use crate::diag::Diagnostic;

use crate::format::faces::ByRole;
pub use crate::format::faces::Role;
use crate::format::faces::{FALLBACK_FILE, SHIPPED};

/// Where a loaded face came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// Compiled into jianbao; the file name under `fonts/`.
    Shipped(&'static str),
    /// Found under a `--font-path` directory.
    File(PathBuf),
}

/// All fonts of the process, and the family chosen for each role.
pub struct Fonts {
    store: FontStore,
    origins: Vec<Origin>,
    roles: RoleFamilies,
    /// Advances measured so far, by role key and character, in em.
    advances: Mutex<HashMap<(&'static str, char), f64>>,
}

/// For each role, the families the template should ask for, best first.
pub type RoleFamilies = ByRole<Vec<String>>;

impl Fonts {
    /// Loads the faces under `font_paths` (searched recursively, preferred)
    /// and the shipped ones. Unreadable font files are reported as warnings.
    pub fn load(font_paths: &[PathBuf]) -> (Fonts, Vec<Diagnostic>) {
        let _scope = typst_timing::TimingScope::new("jianbao: load fonts");
        let mut store = FontStore::new();
        let mut origins = Vec::new();
        let mut warnings = Vec::new();
        let mut files = Vec::new();
        for dir in font_paths {
            collect_font_files(dir, &mut files, &mut warnings);
        }
        files.sort();
        for path in files {
            match fs::read(&path) {
                Ok(data) => {
                    for (index, info) in FontInfo::iter(&data).enumerate() {
                        let index = index as u32;
                        store.push((
                            FontPath {
                                path: path.clone(),
                                index,
                            },
                            info,
                        ));
                        origins.push(Origin::File(path.clone()));
                    }
                }
                Err(err) => warnings.push(Diagnostic::warning(
                    Some(&path.display().to_string()),
                    format!("failed to read font file ({err})"),
                )),
            }
        }
        for (name, data) in SHIPPED {
            for font in Font::iter(Bytes::new(*data)) {
                let info = font.info().clone();
                store.push((font, info));
                origins.push(Origin::Shipped(name));
            }
        }
        let roles = choose_roles(store.book(), &origins);
        (
            Fonts {
                store,
                origins,
                roles,
                advances: Mutex::default(),
            },
            warnings,
        )
    }

    /// The font book (metadata of every face).
    pub fn book(&self) -> &LazyHash<FontBook> {
        self.store.book()
    }

    /// The face at `index` in the book, loaded on first use.
    pub fn font(&self, index: usize) -> Option<Font> {
        self.store.font(index)
    }

    /// The width of `text` set in `role` (a template key: `fang`, `kai` …),
    /// in em, as Typst sets it: each character in the first family of the
    /// role that has it; half an em for one that none has.
    pub fn advance(&self, role: &str, text: &str) -> f64 {
        let Some(role) = Role::from_key(role) else {
            return 0.5 * text.chars().count() as f64;
        };
        let mut known = self.advances.lock().unwrap_or_else(|e| e.into_inner());
        if text.chars().all(|c| known.contains_key(&(role.key(), c))) {
            return text.chars().map(|c| known[&(role.key(), c)]).sum();
        }
        // Parsed only for characters not met before: a few per process.
        let fonts: Vec<Font> = self
            .roles
            .get(role)
            .iter()
            .filter_map(|family| {
                let index = self
                    .book()
                    .select(&family.to_lowercase(), FontVariant::default())?;
                self.font(index)
            })
            .collect();
        let faces: Vec<ttf_parser::Face> = fonts
            .iter()
            .filter_map(|f| ttf_parser::Face::parse(f.data(), f.index()).ok())
            .collect();
        text.chars()
            .map(|c| {
                *known.entry((role.key(), c)).or_insert_with(|| {
                    faces
                        .iter()
                        .find_map(|face| {
                            let glyph = face.glyph_index(c)?;
                            let advance = face.glyph_hor_advance(glyph)?;
                            Some(f64::from(advance) / f64::from(face.units_per_em()))
                        })
                        .unwrap_or(0.5)
                })
            })
            .sum()
    }

    /// The families the template uses for each role.
    pub fn roles(&self) -> &RoleFamilies {
        &self.roles
    }

    /// For each role: its name, the family chosen first and where it came from.
    pub fn report(&self) -> Vec<(Role, String, Origin)> {
        Role::ALL
            .iter()
            .map(|&role| {
                let family = self.roles.get(role)[0].clone();
                // The face the pages are set in: the family's regular one.
                let origin = self
                    .book()
                    .select(&family.to_lowercase(), FontVariant::default())
                    .and_then(|i| self.origins.get(i).cloned())
                    .unwrap_or(Origin::Shipped("?"));
                (role, family, origin)
            })
            .collect()
    }

    /// Whether any face of the process has a glyph for `c`.
    pub fn covers(&self, c: char) -> bool {
        (0..self.origins.len())
            .filter_map(|i| self.book().info(i))
            .any(|info| info.coverage.contains(c as u32))
    }
}

impl Fonts {
    /// Typst's caches key on a face's data, hashed whole when the face is
    /// first used: for the shipped faces 12 % of the instructions of a cold
    /// build, and the first touch of their 35 MB. Hashed here, each on a
    /// thread of its own, while the issue is read and the template evaluated;
    /// the hash is kept in the face's data (shared by every clone), so the
    /// layout finds it done. For an environment that typesets, not for
    /// loading the fonts alone (`jianbao fonts`).
    pub(crate) fn prehash_shipped(&self) {
        let shipped = self.origins.iter().enumerate();
        for (i, _) in shipped.filter(|(_, o)| matches!(o, Origin::Shipped(_))) {
            if let Some(font) = self.font(i) {
                let _ = std::thread::Builder::new()
                    .name("jianbao-prehash".into())
                    .spawn(move || typst::utils::hash128(&font));
            }
        }
    }
}

/// The families for each role: the first office face present, then ours, then the fallback.
fn choose_roles(book: &FontBook, origins: &[Origin]) -> RoleFamilies {
    // The family Typst knows a shipped file by (e.g. "FandolFang R").
    let family_of = |file: &'static str| {
        origins
            .iter()
            .position(|o| *o == Origin::Shipped(file))
            .and_then(|i| book.info(i))
            .map(|info| info.family.clone())
            .unwrap_or_default()
    };
    let fallback = family_of(FALLBACK_FILE);
    let pick = |role: Role| {
        let mut families: Vec<String> = role
            .office_families()
            .iter()
            .find(|f| book.contains_family(&f.to_lowercase()))
            .map(|f| f.to_string())
            .into_iter()
            .collect();
        families.push(family_of(role.shipped_file()));
        if role.shipped_file() != FALLBACK_FILE {
            families.push(fallback.clone());
        }
        families
    };
    RoleFamilies::from_fn(pick)
}

/// Font files under `dir`, recursively.
fn collect_font_files(dir: &Path, out: &mut Vec<PathBuf>, warnings: &mut Vec<Diagnostic>) {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(err) => {
            warnings.push(Diagnostic::warning(
                Some(&dir.display().to_string()),
                format!("failed to read font directory ({err})"),
            ));
            return;
        }
    };
    for entry in entries.flatten() {
        let path = entry.path();
        // Links to folders are not followed: a link cycle must not loop.
        if entry.file_type().is_ok_and(|t| t.is_dir()) {
            collect_font_files(&path, out, warnings);
        } else if path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
            matches!(
                e.to_ascii_lowercase().as_str(),
                "ttf" | "otf" | "ttc" | "otc"
            )
        }) {
            out.push(path);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The families `crate::format::faces` names the shipped faces by are the
    /// ones Typst finds in them.
    #[test]
    fn the_shipped_families_are_named_right() {
        let (fonts, _) = Fonts::load(&[]);
        for role in Role::ALL {
            assert!(
                fonts
                    .book()
                    .contains_family(&role.shipped_family().to_lowercase()),
                "{}",
                role.shipped_family()
            );
        }
    }
}
