//! The line-start and line-end rules (避头尾): the marks no line may begin
//! with and those no line may end with, full- and half-width. The character
//! grid and the text writer's wrapping both break by them.

/// Marks that may not begin a line.
pub const NO_LINE_START: &str = "，。、；：？！）》」』”’】〕〗〉］｝．…—·%,.;:?!)]}";

/// Marks that may not end a line.
pub const NO_LINE_END: &str = "（《「『“‘【〔〖〈［｛([{";

/// Whether `c` may not begin a line (a closing mark).
pub fn is_closing(c: char) -> bool {
    NO_LINE_START.contains(c)
}

/// Whether `c` may not end a line (an opening mark).
pub fn is_opening(c: char) -> bool {
    NO_LINE_END.contains(c)
}
