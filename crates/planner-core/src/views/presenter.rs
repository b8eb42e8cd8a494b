//! A briefing given from two windows: the audience's (slides only, on the
//! projector) and the presenter's (current and next slide, notes, timer,
//! slide list). What a key means, what one window tells the other and the
//! presenter's timer are plain data here, so they are tested natively; the
//! app only carries them between windows (a `BroadcastChannel`).

/// What the audience sees: the slides, or a black or white screen (B, W;
/// `.` as in reveal.js) while the room's attention is elsewhere.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Screen {
    /// The slide.
    #[default]
    Slides,
    /// A black screen.
    Black,
    /// A white screen.
    White,
}

impl Screen {
    /// The screen after pressing the key for `blank`: that blank, or the
    /// slides again when it is already showing.
    pub fn toggled(self, blank: Screen) -> Screen {
        if self == blank {
            Screen::Slides
        } else {
            blank
        }
    }

    fn word(self) -> &'static str {
        match self {
            Screen::Slides => "slides",
            Screen::Black => "black",
            Screen::White => "white",
        }
    }

    fn from_word(word: &str) -> Option<Screen> {
        [Screen::Slides, Screen::Black, Screen::White]
            .into_iter()
            .find(|s| s.word() == word)
    }
}

/// Where a briefing stands: the slide on screen (0-based), the blank and
/// whether slides show their table (T). Both windows hold one and keep it
/// equal.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Briefing {
    /// The slide on screen, counted from 0.
    pub slide: usize,
    /// Slides, black or white.
    pub screen: Screen,
    /// Whether slides show their figures as a table.
    pub table: bool,
}

/// Which window of a briefing speaks: a deck shown to the room, or the
/// presenter's. A deck counts another window as its presenter only when it
/// is one (a second deck of the same plan, in another tab, is not).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Window {
    /// The deck (`#deck`): the slides the room sees.
    Deck,
    /// The presenter's screen (`#presenter`).
    Presenter,
}

impl Window {
    fn word(self) -> &'static str {
        match self {
            Window::Deck => "deck",
            Window::Presenter => "presenter",
        }
    }
}

/// What one window of a briefing tells the other.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cue {
    /// A window has just opened the deck: the other answers with where the
    /// briefing stands.
    Hello,
    /// Where the briefing stands now (after a step, a blank, a table switch,
    /// or as the answer to `Hello`).
    At(Briefing),
    /// The presenter window is closing: the audience window stays as it is.
    Bye,
}

/// The channel's format, so a window of another release ignores what it
/// cannot read rather than misreading it.
const CUE_VERSION: &str = "cue1";

impl Cue {
    /// The cue as the text `from` posts to the other window.
    pub fn encode(self, from: Window) -> String {
        let from = from.word();
        match self {
            Cue::Hello => format!("{CUE_VERSION} {from} hello"),
            Cue::Bye => format!("{CUE_VERSION} {from} bye"),
            Cue::At(b) => format!(
                "{CUE_VERSION} {from} at {} {} {}",
                b.slide,
                b.screen.word(),
                if b.table { "table" } else { "charts" }
            ),
        }
    }

    /// Which window posted a text, and the cue it carries; `None` for
    /// anything else (another release's format, a stray message).
    pub fn decode(text: &str) -> Option<(Window, Cue)> {
        let mut words = text.split(' ');
        if words.next()? != CUE_VERSION {
            return None;
        }
        let from = match words.next()? {
            "deck" => Window::Deck,
            "presenter" => Window::Presenter,
            _ => return None,
        };
        let cue = match words.next()? {
            "hello" => Cue::Hello,
            "bye" => Cue::Bye,
            "at" => {
                let slide = words.next()?.parse().ok()?;
                let screen = Screen::from_word(words.next()?)?;
                let table = match words.next()? {
                    "table" => true,
                    "charts" => false,
                    _ => return None,
                };
                Cue::At(Briefing {
                    slide,
                    screen,
                    table,
                })
            }
            _ => return None,
        };
        words.next().is_none().then_some((from, cue))
    }
}

/// What a key asks of the deck, in either window.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DeckAction {
    /// The next (+1) or previous (−1) slide.
    Step(isize),
    /// The first slide.
    First,
    /// The last slide.
    Last,
    /// The slide with this number (1-based, as the footer counts).
    GoTo(usize),
    /// Black or white screen on, or off again.
    Blank(Screen),
    /// Figures as a table, or as charts again.
    Table,
    /// Full screen on or off (of the window where the key was pressed).
    FullScreen,
    /// Notes under the slide (the audience window only).
    Notes,
    /// One or two decimals for this slide's shares.
    Decimals,
    /// Open the presenter window (from the audience window).
    Presenter,
    /// A number is being typed; the deck shows it until Enter.
    Typing,
}

/// The longest slide number a presenter types (a district's deck has a few
/// thousand slides).
const MOST_DIGITS: usize = 5;

/// What `key` means (with Shift held or not), given the digits typed so far
/// (`typed`, updated: a digit adds to it, Enter takes it, anything else
/// clears it). Esc is not here: each window decides what it leaves.
pub fn read_key(key: &str, shift: bool, typed: &mut String) -> Option<DeckAction> {
    if key.len() == 1 && key.as_bytes()[0].is_ascii_digit() {
        if typed.len() < MOST_DIGITS {
            typed.push_str(key);
        }
        return Some(DeckAction::Typing);
    }
    if key == "Backspace" && !typed.is_empty() {
        typed.pop();
        return Some(DeckAction::Typing);
    }
    let number = std::mem::take(typed);
    let action = match key {
        "Enter" if !number.is_empty() => DeckAction::GoTo(number.parse().ok()?),
        "ArrowRight" | "ArrowDown" | "PageDown" => DeckAction::Step(1),
        " " => DeckAction::Step(if shift { -1 } else { 1 }),
        "ArrowLeft" | "ArrowUp" | "PageUp" => DeckAction::Step(-1),
        "Home" => DeckAction::First,
        "End" => DeckAction::Last,
        "b" | "B" | "." => DeckAction::Blank(Screen::Black),
        "w" | "W" => DeckAction::Blank(Screen::White),
        "t" | "T" => DeckAction::Table,
        "f" | "F" => DeckAction::FullScreen,
        "n" | "N" => DeckAction::Notes,
        "d" | "D" => DeckAction::Decimals,
        "p" | "P" => DeckAction::Presenter,
        _ => return None,
    };
    Some(action)
}

/// The slide (0-based) an action moves to from `at` in a deck of `count`
/// slides; `None` when it does not move.
pub fn moved_to(action: DeckAction, at: usize, count: usize) -> Option<usize> {
    let last = count.checked_sub(1)?;
    let to = match action {
        DeckAction::Step(by) => at.saturating_add_signed(by),
        DeckAction::First => 0,
        DeckAction::Last => last,
        DeckAction::GoTo(number) => number.saturating_sub(1),
        _ => return None,
    };
    Some(to.min(last))
}

/// The presenter's clock of the briefing: elapsed time that can be paused
/// and reset. Times are milliseconds on any clock that does not go back.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Timer {
    /// Time counted before the last start.
    banked: u64,
    /// When it was last started, while it runs.
    since: Option<u64>,
}

impl Timer {
    /// A timer started at `now`.
    pub fn started(now: u64) -> Timer {
        Timer {
            banked: 0,
            since: Some(now),
        }
    }

    /// Milliseconds counted up to `now`.
    pub fn elapsed(self, now: u64) -> u64 {
        self.banked
            .saturating_add(self.since.map_or(0, |s| now.saturating_sub(s)))
    }

    /// Whether it is counting.
    pub fn running(self) -> bool {
        self.since.is_some()
    }

    /// Paused at `now` when running, running from `now` when paused.
    pub fn toggled(self, now: u64) -> Timer {
        match self.since {
            Some(_) => Timer {
                banked: self.elapsed(now),
                since: None,
            },
            None => Timer {
                banked: self.banked,
                since: Some(now),
            },
        }
    }

    /// Back to zero, running or paused as it was.
    pub fn reset(self, now: u64) -> Timer {
        Timer {
            banked: 0,
            since: self.since.map(|_| now),
        }
    }
}

/// Elapsed time as a presenter reads it: `4:05`, `1:02:09`.
pub fn elapsed_text(ms: u64) -> String {
    let seconds = ms / 1000;
    let (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_cue_reads_back_as_itself() {
        let mut cues = vec![Cue::Hello, Cue::Bye];
        for screen in [Screen::Slides, Screen::Black, Screen::White] {
            for table in [false, true] {
                for slide in [0, 1, 41, 2_502, usize::MAX] {
                    cues.push(Cue::At(Briefing {
                        slide,
                        screen,
                        table,
                    }));
                }
            }
        }
        for cue in cues {
            for from in [Window::Deck, Window::Presenter] {
                let text = cue.encode(from);
                assert_eq!(Cue::decode(&text), Some((from, cue)), "{text}");
            }
        }
    }

    #[test]
    fn a_stray_or_newer_message_is_no_cue() {
        for text in [
            "",
            "hello",
            "cue1",
            "cue1 hello",
            "cue2 deck hello",
            "cue1 projector hello",
            "cue1 deck at",
            "cue1 deck at 3",
            "cue1 deck at 3 black",
            "cue1 deck at x black table",
            "cue1 deck at -1 black table",
            "cue1 deck at 3 grey table",
            "cue1 deck at 3 black tables",
            "cue1 presenter at 3 black table extra",
            "cue1 presenter hello again",
        ] {
            assert_eq!(Cue::decode(text), None, "{text:?}");
        }
    }

    #[test]
    fn a_number_then_enter_jumps_and_any_other_key_forgets_it() {
        let mut typed = String::new();
        assert_eq!(read_key("1", false, &mut typed), Some(DeckAction::Typing));
        assert_eq!(read_key("2", false, &mut typed), Some(DeckAction::Typing));
        assert_eq!(typed, "12");
        assert_eq!(
            read_key("Enter", false, &mut typed),
            Some(DeckAction::GoTo(12))
        );
        assert_eq!(typed, "");
        // Enter alone is not a jump (a focused button's Enter stays its own).
        assert_eq!(read_key("Enter", false, &mut typed), None);
        read_key("4", false, &mut typed);
        assert_eq!(
            read_key("ArrowRight", false, &mut typed),
            Some(DeckAction::Step(1))
        );
        assert_eq!(typed, "", "a step forgets the number");
        read_key("4", false, &mut typed);
        read_key("7", false, &mut typed);
        assert_eq!(
            read_key("Backspace", false, &mut typed),
            Some(DeckAction::Typing)
        );
        assert_eq!(
            read_key("Enter", false, &mut typed),
            Some(DeckAction::GoTo(4))
        );
        for _ in 0..9 {
            read_key("9", false, &mut typed);
        }
        assert_eq!(typed, "99999", "at most five digits");
    }

    #[test]
    fn the_keys_presenters_know() {
        let mut typed = String::new();
        let mut key = |k: &str, shift: bool| read_key(k, shift, &mut typed);
        assert_eq!(key(" ", false), Some(DeckAction::Step(1)));
        assert_eq!(key(" ", true), Some(DeckAction::Step(-1)));
        assert_eq!(key("PageUp", false), Some(DeckAction::Step(-1)));
        assert_eq!(key("PageDown", false), Some(DeckAction::Step(1)));
        assert_eq!(key("Home", false), Some(DeckAction::First));
        assert_eq!(key("End", false), Some(DeckAction::Last));
        assert_eq!(key("b", false), Some(DeckAction::Blank(Screen::Black)));
        assert_eq!(key(".", false), Some(DeckAction::Blank(Screen::Black)));
        assert_eq!(key("W", true), Some(DeckAction::Blank(Screen::White)));
        assert_eq!(key("T", true), Some(DeckAction::Table));
        assert_eq!(key("x", false), None);
    }

    #[test]
    fn moves_stay_inside_the_deck() {
        assert_eq!(moved_to(DeckAction::Step(1), 0, 5), Some(1));
        assert_eq!(moved_to(DeckAction::Step(1), 4, 5), Some(4));
        assert_eq!(moved_to(DeckAction::Step(-1), 0, 5), Some(0));
        assert_eq!(moved_to(DeckAction::Last, 0, 5), Some(4));
        assert_eq!(moved_to(DeckAction::First, 3, 5), Some(0));
        assert_eq!(moved_to(DeckAction::GoTo(3), 0, 5), Some(2));
        assert_eq!(moved_to(DeckAction::GoTo(0), 3, 5), Some(0));
        assert_eq!(moved_to(DeckAction::GoTo(99_999), 0, 5), Some(4));
        assert_eq!(moved_to(DeckAction::Step(1), 0, 0), None);
        assert_eq!(moved_to(DeckAction::Table, 0, 5), None);
    }

    #[test]
    fn a_blank_key_pressed_twice_shows_the_slides_again() {
        let black = Screen::Slides.toggled(Screen::Black);
        assert_eq!(black, Screen::Black);
        assert_eq!(black.toggled(Screen::White), Screen::White);
        assert_eq!(black.toggled(Screen::Black), Screen::Slides);
    }

    #[test]
    fn the_timer_pauses_resumes_and_resets() {
        let t = Timer::started(1_000);
        assert_eq!(t.elapsed(6_000), 5_000);
        let paused = t.toggled(6_000);
        assert!(!paused.running());
        assert_eq!(paused.elapsed(60_000), 5_000, "a paused timer stands still");
        let resumed = paused.toggled(60_000);
        assert_eq!(resumed.elapsed(61_500), 6_500);
        assert_eq!(resumed.reset(70_000).elapsed(71_000), 1_000);
        assert_eq!(paused.reset(70_000).elapsed(99_000), 0);
        assert_eq!(t.elapsed(0), 0, "a clock that went back counts nothing");
    }

    #[test]
    fn elapsed_time_reads_as_minutes_then_hours() {
        assert_eq!(elapsed_text(0), "0:00");
        assert_eq!(elapsed_text(65_999), "1:05");
        assert_eq!(elapsed_text(3_600_000 + 2 * 60_000 + 9_000), "1:02:09");
    }
}
