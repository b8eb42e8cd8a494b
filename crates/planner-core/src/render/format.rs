//! The one written form of each kind of figure a table or slide shows.
