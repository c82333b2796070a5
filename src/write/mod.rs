//! Writers: model or laid-out pages → bytes. None touches the file system.
//!
//! `pdf` and `image` (PNG, SVG) take the pages the Typst template laid out;
//! `typ` takes the template's input; `html`, `text` and `yaml` take the model
//! itself. They are named in pairs with the readers (`read::yaml`, `read::text`).

pub mod html;
#[cfg(feature = "typeset")]
pub mod image;
#[cfg(feature = "typeset")]
pub mod pdf;
pub mod text;
#[cfg(feature = "typeset")]
pub mod typ;
pub mod yaml;
