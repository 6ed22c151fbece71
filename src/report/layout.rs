//! Plain-text layout for the command line's reports: words wrapped to a
//! width, and tables of named columns split into blocks that fit it, names
//! in full (wrapped over several header lines), never cut.

/// The terminal width the text reports lay out for: `COLUMNS` when it is a
/// number of at least 40, else 100.
pub fn terminal_width() -> usize {
    std::env::var("COLUMNS") // i18n-exempt: an environment variable's name
        .ok()
        .and_then(|c| c.trim().parse::<usize>().ok())
        .filter(|&w| w >= 40)
        .unwrap_or(100)
}

/// `text` wrapped at spaces into lines of at most `width` characters; a word
/// longer than the width is split.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let mut word: Vec<char> = word.chars().collect();
        loop {
            let used = line.chars().count();
            let room = if used == 0 {
                width
            } else {
                width.saturating_sub(used + 1)
            };
            if word.len() <= room {
                if used > 0 {
                    line.push(' ');
                }
                line.extend(word.iter());
                break;
            }
            if used > 0 {
                lines.push(std::mem::take(&mut line));
                continue;
            }
            // A word longer than a whole line: split it.
            let rest = word.split_off(width);
            lines.push(word.iter().collect());
            word = rest;
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// A table with a label column and one column per named item, laid out in
/// as many blocks of columns as `width` needs; each column is as wide as its
/// widest cell (at least 8), names wrapped over header lines within it.
pub fn table(labels: &[String], columns: &[(String, Vec<String>)], width: usize) -> String {
    let label_w = labels.iter().map(|l| l.chars().count()).max().unwrap_or(0);
    let col_w: Vec<usize> = columns
        .iter()
        .map(|(name, cells)| {
            // Wide enough for every figure and every word of the name, and
            // for a short name on one line.
            let longest_word = name.split_whitespace().map(|w| w.chars().count()).max();
            let short_name = name.chars().count().min(12);
            cells
                .iter()
                .map(|c| c.chars().count())
                .chain(longest_word)
                .chain([short_name])
                .max()
                .unwrap_or(0)
                .clamp(8, 24)
        })
        .collect();
    let mut out = String::new();
    let mut start = 0;
    while start < columns.len() {
        // As many columns as fit beside the labels (at least one).
        let mut end = start + 1;
        let mut used = label_w + 2 + col_w[start];
        while end < columns.len() && used + 2 + col_w[end] <= width {
            used += 2 + col_w[end];
            end += 1;
        }
        if start > 0 {
            out.push('\n');
        }
        let headers: Vec<Vec<String>> = (start..end)
            .map(|c| wrap(&columns[c].0, col_w[c]))
            .collect();
        let depth = headers.iter().map(Vec::len).max().unwrap_or(0);
        for h in 0..depth {
            let mut line = " ".repeat(label_w);
            for (k, c) in (start..end).enumerate() {
                // Header lines sit at the bottom, right-aligned over figures.
                let pad = depth - headers[k].len();
                let text = if h >= pad {
                    headers[k][h - pad].as_str()
                } else {
                    ""
                };
                line.push_str(&format!("  {text:>w$}", w = col_w[c]));
            }
            out.push_str(line.trim_end());
            out.push('\n');
        }
        for (r, label) in labels.iter().enumerate() {
            let mut line = format!("{label:<label_w$}");
            for c in start..end {
                let cell = columns[c].1.get(r).map_or("", String::as_str);
                line.push_str(&format!("  {cell:>w$}", w = col_w[c]));
            }
            out.push_str(line.trim_end());
            out.push('\n');
        }
        start = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_by_hand() {
        assert_eq!(
            wrap("Cluster platform loan", 12),
            ["Cluster", "platform", "loan"]
        );
        assert_eq!(
            wrap("Cluster platform loan", 16),
            ["Cluster platform", "loan"]
        );
        assert_eq!(wrap("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        assert_eq!(wrap("", 10), [""]);
    }

    #[test]
    fn table_splits_into_blocks_and_keeps_names_whole() {
        let labels = vec!["NPV".to_string(), "IRR".to_string()];
        let col = |n: &str, a: &str, b: &str| (n.to_string(), vec![a.to_string(), b.to_string()]);
        let cols = vec![
            col("Base case", "-20.39M", "9.14%"),
            col("Cluster platform loan", "76.24M", "19.84%"),
            col("Offtake at domestic cost", "206.26M", "17.51%"),
        ];
        // By hand, width 30: label 3; columns 9 ("Base case" on one line),
        // 12 and 12 (names over 12 characters wrap at 12). 3 + 2 + 9 + 2 +
        // 12 = 28 fits two columns; a third would make 42.
        let t = table(&labels, &cols, 30);
        let expected = [
            "                     Cluster",
            "                    platform",
            "     Base case          loan",
            "NPV    -20.39M        76.24M",
            "IRR      9.14%        19.84%",
            "",
            "       Offtake at",
            "         domestic",
            "             cost",
            "NPV       206.26M",
            "IRR        17.51%",
        ]
        .map(|l| format!("{l}\n"))
        .concat();
        assert_eq!(t, expected, "\n{t}");
        assert!(
            t.lines()
                .all(|l| l.chars().count() <= 30 && !l.ends_with(' '))
        );
    }
}
