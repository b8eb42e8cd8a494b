//! The views the navigation switches between, one module (or folder, for a
//! view too long for one file) each.

pub mod deck;
pub mod history;
pub mod home;
pub mod items;
pub mod overview;
pub mod pledge;
pub mod schedule;
pub mod settings;
pub mod split;
pub mod stages;
pub mod status;
pub mod welcome;
