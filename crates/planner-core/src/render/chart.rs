//! Charts for the briefing deck, drawn as SVG text from figures already
//! footed for display. Written here, not in the UI, so that what a chart
//! draws is tested natively, and because string building costs the wasm
//! bundle a fraction of what view code for the same shapes would.
//!
//! Colour is never the only cue: every segment carries its figure (or a
//! `<title>`), series are told apart by lightness as well as hue (the
//! Okabe–Ito colours, chosen to stay apart in greyscale), and negative
//! figures are drawn below or left of a zero line, marked `△`, never folded
//! into a pie. Coordinates are computed in [`Decimal`] like the figures.

use rust_decimal::Decimal;

use crate::model::amount::{format_figure, round_half_up};
use crate::render::html::{escape, Html};

/// A bar made of one segment per series, drawn from the zero line out:
/// positive figures up, negative ones down.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bar {
    /// The category under the bar (a year, 기투자, 장기).
    pub label: String,
    /// One figure per series, in series order.
    pub segments: Vec<Decimal>,
}

/// A coordinate as SVG writes it, to a tenth of a unit.
fn px(value: Decimal) -> String {
    round_half_up(value, 1).normalize().to_string()
}

fn d(value: i64) -> Decimal {
    Decimal::from(value)
}

/// A figure as a chart label writes it: the table's form, `-` for zero.
fn label(value: Decimal) -> String {
    format_figure(value)
}

fn open_svg(width: i64, height: i64, title: &str) -> String {
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{t}\" class=\"chart\"><title>{t}</title>",
        t = escape(title)
    )
}

fn text(x: Decimal, y: Decimal, anchor: &str, class: &str, content: &str) -> String {
    format!(
        "<text x=\"{}\" y=\"{}\" text-anchor=\"{anchor}\" class=\"{class}\">{}</text>",
        px(x),
        px(y),
        escape(content)
    )
}

/// A label's class for the room it has: the full size when it fits `room`
/// (about 12 units a character), else smaller, so neighbouring totals never
/// run into each other.
fn fitting(class: &'static str, label: &str, room: Decimal) -> &'static str {
    let chars = d(label.chars().count() as i64);
    if chars * d(12) <= room {
        class
    } else if chars * d(9) <= room {
        match class {
            "bar-total" => "bar-total small",
            _ => "bar-value small",
        }
    } else {
        match class {
            "bar-total" => "bar-total tiny",
            _ => "bar-value tiny",
        }
    }
}

/// A legend row across the top of a chart: a swatch and a name per series.
fn legend(names: &[(String, String)], width: i64) -> String {
    let mut out = String::from("<g class=\"legend\">");
    let step = d(width - 40) / d(names.len().max(1) as i64);
    for (i, (class, name)) in names.iter().enumerate() {
        let x = d(20) + step * d(i as i64);
        out.push_str(&format!(
            "<rect x=\"{}\" y=\"8\" width=\"22\" height=\"22\" class=\"{class}\"/>",
            px(x)
        ));
        out.push_str(&text(x + d(30), d(26), "start", "legend-text", name));
    }
    out.push_str("</g>");
    out
}

/// Stacked bars of a schedule by source and column: one bar per column, one
/// segment per source, the column's total above (or below) each bar.
pub fn stacked_bars(title: &str, series: &[String], bars: &[Bar]) -> Html {
    Html::drawn(stacked_bars_svg(title, series, bars))
}

/// The SVG text of [`stacked_bars`].
fn stacked_bars_svg(title: &str, series: &[String], bars: &[Bar]) -> String {
    let (width, height) = (800, 450);
    let (top, bottom) = (d(80), d(390));
    let plot = bottom - top;
    let sums = |bar: &Bar| -> (Decimal, Decimal) {
        bar.segments.iter().fold((d(0), d(0)), |(pos, neg), v| {
            if v.is_sign_negative() {
                (pos, neg + *v)
            } else {
                (pos + *v, neg)
            }
        })
    };
    let highest = bars.iter().map(|b| sums(b).0).max().unwrap_or_default();
    let lowest = bars.iter().map(|b| sums(b).1).min().unwrap_or_default();
    let range = if (highest - lowest).is_zero() {
        d(1)
    } else {
        highest - lowest
    };
    let scale = plot / range;
    let zero = top + highest * scale;
    let mut out = open_svg(width, height, title);
    let names: Vec<(String, String)> = series
        .iter()
        .enumerate()
        .map(|(i, n)| (format!("s{}", i % 6), n.clone()))
        .collect();
    out.push_str(&legend(&names, width));
    let slot = d(width - 40) / d(bars.len().max(1) as i64);
    let bar_width = (slot * Decimal::new(6, 1)).min(d(140));
    for (b, bar) in bars.iter().enumerate() {
        let x = d(20) + slot * d(b as i64) + (slot - bar_width) / d(2);
        let centre = x + bar_width / d(2);
        let (mut up, mut down) = (zero, zero);
        // A bar of one segment has its figure once, as the total above it.
        let stacked = bar.segments.iter().filter(|v| !v.is_zero()).count() > 1;
        for (i, value) in bar.segments.iter().enumerate() {
            if value.is_zero() {
                continue;
            }
            let h = value.abs() * scale;
            let y = if value.is_sign_negative() {
                let y = down;
                down += h;
                y
            } else {
                up -= h;
                up
            };
            let name = series.get(i).map(String::as_str).unwrap_or("");
            out.push_str(&format!(
                "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" class=\"s{}{}\"><title>{} {}: {}</title></rect>",
                px(x),
                px(y),
                px(bar_width),
                px(h),
                i % 6,
                if value.is_sign_negative() { " negative" } else { "" },
                escape(name),
                escape(&bar.label),
                label(*value)
            ));
            // A figure is written on its segment when the segment is tall
            // enough and the figure fits the bar's slot (about 11 units a
            // character); otherwise the segment's title and the table carry it.
            let figure = label(*value);
            if stacked && h >= d(26) && d(figure.chars().count() as i64 * 11) <= slot {
                out.push_str(&text(
                    centre,
                    y + h / d(2) + d(7),
                    "middle",
                    "in-bar",
                    &figure,
                ));
            }
        }
        let total: Decimal = bar.segments.iter().copied().sum();
        let total_y = if total.is_sign_negative() {
            down + d(22)
        } else {
            up - d(8)
        };
        out.push_str(&text(
            centre,
            total_y,
            "middle",
            fitting("bar-total", &label(total), slot),
            &label(total),
        ));
        out.push_str(&text(
            centre,
            d(height - 30),
            "middle",
            "category",
            &bar.label,
        ));
    }
    out.push_str(&format!(
        "<line x1=\"20\" x2=\"{}\" y1=\"{z}\" y2=\"{z}\" class=\"zero\"/>",
        width - 20,
        z = px(zero)
    ));
    out.push_str("</svg>");
    out
}

/// A ring of shares, each drawn as a dash of a circle whose circumference is
/// 100, so a share's percentage is its dash length. Each share comes with its
/// series (colour) index, so a source keeps its colour next to the bars.
/// `None` when a share is negative or there is none: a pie cannot show those
/// honestly.
pub fn donut(title: &str, centre: &str, shares: &[(usize, Decimal)]) -> Option<Html> {
    donut_svg(title, centre, shares).map(Html::drawn)
}

/// The SVG text of [`donut`].
fn donut_svg(title: &str, centre: &str, shares: &[(usize, Decimal)]) -> Option<String> {
    if shares.is_empty() || shares.iter().any(|(_, p)| p.is_sign_negative()) {
        return None;
    }
    let mut out = open_svg(42, 42, title).replace("class=\"chart\"", "class=\"chart donut\"");
    // r = 100 / 2π, so the circumference is 100.
    let mut offset = d(25);
    for (series, share) in shares {
        if share.is_zero() {
            continue;
        }
        out.push_str(&format!(
            "<circle cx=\"21\" cy=\"21\" r=\"15.9155\" class=\"s{}\" stroke-dasharray=\"{} {}\" stroke-dashoffset=\"{}\"/>",
            series % 6,
            px(*share),
            px(d(100) - *share),
            px(offset)
        ));
        offset -= *share;
    }
    out.push_str(&format!(
        "<text x=\"21\" y=\"22.5\" text-anchor=\"middle\" class=\"{}\">{}</text></svg>",
        centre_class(centre),
        escape(centre)
    ));
    Some(out)
}

/// The centre figure's class for its length: smaller type for a longer
/// figure, so a large total stays inside the ring's hole (about 23 units
/// wide; a bold digit is about 0.58 of the type size) instead of running
/// over the ring (issue 18).
fn centre_class(centre: &str) -> &'static str {
    match centre.chars().count() {
        0..=9 => "donut-centre",
        10..=11 => "donut-centre small",
        12..=15 => "donut-centre tiny",
        _ => "donut-centre least",
    }
}

/// Horizontal bars from a zero line, for figures that may be negative (a
/// change against last year, a share that is negative): positive to the
/// right, negative to the left and marked `△`.
pub fn diverging_bars(title: &str, rows: &[(String, Decimal)]) -> Html {
    Html::drawn(diverging_bars_svg(title, rows))
}

/// The SVG text of [`diverging_bars`].
fn diverging_bars_svg(title: &str, rows: &[(String, Decimal)]) -> String {
    let width = 800;
    let row_height = d(52);
    let height = 20 + 52 * rows.len().max(1) as i64;
    let (left, right) = (d(330), d(width - 130));
    let highest = rows.iter().map(|r| r.1).max().unwrap_or_default().max(d(0));
    let lowest = rows.iter().map(|r| r.1).min().unwrap_or_default().min(d(0));
    let range = if (highest - lowest).is_zero() {
        d(1)
    } else {
        highest - lowest
    };
    let scale = (right - left) / range;
    let zero = left - lowest * scale;
    let mut out = open_svg(width, height, title);
    for (i, (name, value)) in rows.iter().enumerate() {
        let y = d(10) + row_height * d(i as i64);
        let w = value.abs() * scale;
        let (x, class) = if value.is_sign_negative() {
            (zero - w, "s1 negative")
        } else {
            (zero, "s0")
        };
        out.push_str(&text(
            d(10),
            y + d(33),
            "start",
            "row-label",
            &shorten(name, 16),
        ));
        out.push_str(&format!(
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"36\" class=\"{class}\"><title>{}: {}</title></rect>",
            px(x),
            px(y + d(8)),
            px(w),
            escape(name),
            label(*value)
        ));
        let (lx, anchor) = if value.is_sign_negative() {
            (x - d(8), "end")
        } else {
            (x + w + d(8), "start")
        };
        out.push_str(&text(lx, y + d(33), anchor, "bar-total", &label(*value)));
    }
    out.push_str(&format!(
        "<line x1=\"{z}\" x2=\"{z}\" y1=\"4\" y2=\"{}\" class=\"zero\"/></svg>",
        height - 4,
        z = px(zero)
    ));
    out
}

/// A name cut to `chars` characters with an ellipsis, for a chart's row label
/// (the table beside it has the whole name).
fn shorten(name: &str, chars: usize) -> String {
    if name.chars().count() <= chars {
        name.to_string()
    } else {
        name.chars().take(chars - 1).collect::<String>() + "…"
    }
}

/// Targets against actuals by year: a light outlined bar for the target and
/// a dark one for the actual beside it, each with its figure; a year with no
/// actual yet shows `-` where its bar would be.
pub fn target_bars(
    title: &str,
    names: (&str, &str),
    years: &[String],
    targets: &[Option<Decimal>],
    actuals: &[Option<Decimal>],
) -> Html {
    Html::drawn(target_bars_svg(title, names, years, targets, actuals))
}

/// The SVG text of [`target_bars`].
fn target_bars_svg(
    title: &str,
    names: (&str, &str),
    years: &[String],
    targets: &[Option<Decimal>],
    actuals: &[Option<Decimal>],
) -> String {
    let (width, height) = (800, 450);
    let (top, bottom) = (d(80), d(390));
    let highest = targets
        .iter()
        .chain(actuals)
        .flatten()
        .copied()
        .max()
        .unwrap_or_default()
        .max(d(1));
    let scale = (bottom - top) / highest;
    let mut out = open_svg(width, height, title);
    out.push_str(&legend(
        &[
            ("target".into(), names.0.to_string()),
            ("actual".into(), names.1.to_string()),
        ],
        width,
    ));
    let slot = d(width - 40) / d(years.len().max(1) as i64);
    let bar = (slot * Decimal::new(35, 2)).min(d(70));
    for (i, year) in years.iter().enumerate() {
        let x0 = d(20) + slot * d(i as i64) + slot / d(2) - bar;
        for (k, (value, class)) in [
            (targets.get(i).copied().flatten(), "target"),
            (actuals.get(i).copied().flatten(), "actual"),
        ]
        .into_iter()
        .enumerate()
        {
            let x = x0 + bar * d(k as i64);
            let centre = x + bar / d(2);
            match value {
                Some(v) => {
                    let h = v.max(d(0)) * scale;
                    out.push_str(&format!(
                        "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" class=\"{class}\"><title>{} {year}: {}</title></rect>",
                        px(x),
                        px(bottom - h),
                        px(bar),
                        px(h),
                        escape(if k == 0 { names.0 } else { names.1 }),
                        label(v)
                    ));
                    out.push_str(&text(
                        centre,
                        bottom - h - d(8),
                        "middle",
                        fitting("bar-value", &label(v), bar + d(8)),
                        &label(v),
                    ));
                }
                None => out.push_str(&text(centre, bottom - d(8), "middle", "bar-value", "-")),
            }
        }
        out.push_str(&text(x0 + bar, d(height - 30), "middle", "category", year));
    }
    out.push_str(&format!(
        "<line x1=\"20\" x2=\"{}\" y1=\"{b}\" y2=\"{b}\" class=\"zero\"/></svg>",
        width - 20,
        b = px(bottom)
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figures(svg: &str, class: &str) -> Vec<String> {
        let marker = format!("class=\"{class}\">");
        svg.match_indices(&marker)
            .map(|(i, _)| {
                let rest = &svg[i + marker.len()..];
                rest[..rest.find('<').unwrap()].to_string()
            })
            .collect()
    }

    #[test]
    fn stacked_bars_label_each_column_with_its_total() {
        let svg = stacked_bars(
            "소요예산",
            &["시비".into(), "구비".into()],
            &[
                Bar {
                    label: "2018".into(),
                    segments: vec![d(440), d(158)],
                },
                Bar {
                    label: "2019".into(),
                    segments: vec![d(540), d(185)],
                },
            ],
        );
        let svg = svg.into_string();
        assert_eq!(figures(&svg, "bar-total"), ["598", "725"]);
        assert_eq!(figures(&svg, "category"), ["2018", "2019"]);
        assert!(svg.contains("<title>시비 2018: 440</title>"));
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
    }

    /// Issue 18: a bar's figure is printed once. A bar of one source has
    /// only its total above it; a stacked bar has its segments' figures too.
    #[test]
    fn a_bar_of_one_segment_prints_its_figure_once() {
        let svg = stacked_bars(
            "소요예산",
            &["시비".into(), "구비".into()],
            &[
                Bar {
                    label: "2018".into(),
                    segments: vec![d(440), d(0)],
                },
                Bar {
                    label: "2019".into(),
                    segments: vec![d(540), d(185)],
                },
            ],
        )
        .into_string();
        assert_eq!(figures(&svg, "bar-total"), ["440", "725"]);
        assert_eq!(figures(&svg, "in-bar"), ["540", "185"]);
        assert_eq!(svg.matches(">440<").count(), 1, "440 printed once");
    }

    #[test]
    fn a_large_total_in_the_ring_gets_smaller_type_and_stays_in_its_hole() {
        let shares = [(0, d(60)), (1, d(40))];
        for (centre, class, size) in [
            ("1,167,388", "donut-centre", 4.2),
            ("501,835,640", "donut-centre small", 3.5),
            ("501,835,640,000", "donut-centre tiny", 2.6),
            ("1,501,835,640,000,000", "donut-centre least", 2.0),
        ] {
            let svg = donut("분담", centre, &shares).unwrap().into_string();
            assert!(
                svg.contains(&format!("class=\"{class}\">{centre}<")),
                "{svg}"
            );
            // The width it takes at that size fits the hole (radius 12.9).
            let width = centre.chars().count() as f64 * 0.58 * size;
            assert!(width <= 2.0 * 12.9, "{centre}: {width}");
        }
    }

    #[test]
    fn a_negative_segment_hangs_below_the_zero_line() {
        let svg = stacked_bars(
            "t",
            &["a".into()],
            &[
                Bar {
                    label: "x".into(),
                    segments: vec![d(100)],
                },
                Bar {
                    label: "y".into(),
                    segments: vec![d(-50)],
                },
            ],
        );
        let svg = svg.into_string();
        assert!(svg.contains("class=\"s0 negative\""));
        assert_eq!(figures(&svg, "bar-total"), ["100", "△50"]);
        // Zero sits two thirds down the plot: 80 + 100 × 310 / 150.
        assert!(svg.contains("y1=\"286.7\""), "{svg}");
    }

    #[test]
    fn a_donut_draws_each_share_as_its_percentage_of_the_ring() {
        let svg = donut(
            "t",
            "1,167,388",
            &[
                (0, Decimal::new(533, 1)),
                (1, Decimal::new(212, 1)),
                (2, Decimal::new(255, 1)),
            ],
        )
        .unwrap();
        let svg = svg.into_string();
        assert!(svg.contains("stroke-dasharray=\"53.3 46.7\" stroke-dashoffset=\"25\""));
        assert!(svg.contains("stroke-dasharray=\"21.2 78.8\" stroke-dashoffset=\"-28.3\""));
        assert!(svg.contains(">1,167,388</text>"));
        // A share drawn in its source's colour, whatever its place in the ring.
        let city_only = donut("t", "", &[(1, d(100))]).unwrap();
        let city_only = city_only.into_string();
        assert!(city_only.contains("class=\"s1\""));
    }

    #[test]
    fn no_donut_for_a_negative_share() {
        assert!(donut("t", "", &[(0, d(120)), (1, d(-20))]).is_none());
        assert!(donut("t", "", &[]).is_none());
    }

    #[test]
    fn a_negative_change_points_left_and_reads_with_a_triangle() {
        let svg = diverging_bars(
            "증감",
            &[
                ("사회적경제 활성화".into(), d(480_508)),
                ("기본경비".into(), d(-21_634)),
            ],
        );
        let svg = svg.into_string();
        assert_eq!(figures(&svg, "bar-total"), ["480,508", "△21,634"]);
        assert!(svg.contains("class=\"s1 negative\""));
    }

    #[test]
    fn targets_and_actuals_show_dash_for_a_year_not_reported() {
        let svg = target_bars(
            "지표",
            ("목표", "실적"),
            &["2021".into(), "2022".into()],
            &[Some(d(650)), Some(d(700))],
            &[Some(d(342)), None],
        );
        let svg = svg.into_string();
        assert_eq!(figures(&svg, "bar-value"), ["650", "342", "700", "-"]);
    }

    #[test]
    fn names_are_escaped() {
        let svg = diverging_bars("<b>", &[("<script>&".into(), d(1))]);
        let svg = svg.into_string();
        assert!(!svg.contains("<script>"));
        assert!(svg.contains("&lt;script&gt;&amp;"));
        assert!(svg.contains("aria-label=\"&lt;b&gt;\""));
    }
}
