//! Writers: model or laid-out pages → bytes. None touches the file system.

pub mod pdf;
