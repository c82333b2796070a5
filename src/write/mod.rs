//! Writers: model or laid-out pages → bytes. None touches the file system.
//!
//! `pdf` takes the pages the Typst template laid out; `html` and `text` take
//! the model itself. They are named in pairs with the readers (`read::yaml`, `read::text`).

pub mod html;
pub mod pdf;
pub mod text;
pub mod yaml;
