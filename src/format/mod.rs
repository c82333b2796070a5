//! The bulletin and 公文 formats as jianbao implements them (docs/format.md,
//! docs/gongwen.md): one home
//! for each print fact that more than one reader or writer needs — the page
//! and its practice sizes ([`page`]), what a 公文 adds to it ([`gongwen`]), the typefaces by role ([`faces`]), the
//! line-start and line-end rules ([`kinsoku`]), the named styles of our
//! Word documents ([`styles`]) and the words printed around the data
//! ([`labels`]). Knows no output format's syntax; everything
//! else reads from here.

pub mod faces;
pub mod gongwen;
pub mod kinsoku;
pub mod labels;
pub mod page;
pub mod styles;
