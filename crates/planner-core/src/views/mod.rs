//! What the app shows of a plan, as plain data: the official documents, the
//! schedule grid and its keys, the worksheets, the deck, where a problem is,
//! what changed between versions and between budget stages, what a pasted
//! block means, which screen a URL names.

pub mod compare;
pub mod deck;
pub mod document;
pub mod grid;
pub mod locate;
pub mod paste;
pub mod presenter;
pub mod route;
pub mod stages;
pub mod worksheet;
