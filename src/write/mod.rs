//! Writers: model or laid-out pages → bytes. None touches the file system.
//!
//! `pdf`, `ofd` and `image` (PNG, SVG) take the pages the Typst template
//! laid out;
//! `typ` takes the template's input; `docx`, `html`, `text` and `yaml` take
//! the model itself. `zip` packs the office formats. They are named in pairs with the readers (`read::yaml`, `read::text`).

pub mod docx;
pub mod html;
#[cfg(feature = "typeset")]
pub mod image;
#[cfg(feature = "typeset")]
pub mod ofd;
#[cfg(feature = "typeset")]
pub mod opentype;
#[cfg(feature = "typeset")]
pub mod pdf;
pub mod text;
#[cfg(feature = "typeset")]
pub mod typ;
pub mod yaml;
pub mod zip;
