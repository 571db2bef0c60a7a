//! Text evidence for pairing: character bigrams of the folded text, their overlap, and the
//! similarity join that finds the pairs of two text lists above a threshold without
//! comparing every text with every other.

use std::cmp::Ordering;

use super::Map;

/// Sorted character bigrams (a one-character text is its own "bigram").
pub(super) fn bigrams(key: &str) -> Vec<u64> {
    let chars: Vec<u64> = key.chars().map(u64::from).collect();
    let mut out: Vec<u64> = match chars[..] {
        [] => Vec::new(),
        [c] => vec![c],
        _ => chars.windows(2).map(|w| (w[0] << 32) | w[1]).collect(),
    };
    out.sort_unstable();
    out
}

/// Size of the multiset intersection of two sorted bigram lists.
fn common(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            Ordering::Less => i += 1,
            Ordering::Greater => j += 1,
            Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    common
}

/// How much two texts share.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Overlap {
    /// Dice coefficient 2|A∩B| / (|A|+|B|): an edit anywhere lowers it.
    pub dice: f64,
    /// |A∩B| / min(|A|,|B|): words put into a short text leave it at 1.
    pub contained: f64,
}

#[allow(clippy::cast_precision_loss)]
pub(super) fn overlap(a: &[u64], b: &[u64]) -> Overlap {
    let total = a.len() + b.len();
    if total == 0 {
        return Overlap {
            dice: 1.0,
            contained: 1.0,
        };
    }
    let shared = common(a, b) as f64;
    let shorter = a.len().min(b.len());
    Overlap {
        dice: 2.0 * shared / total as f64,
        contained: if shorter == 0 {
            0.0
        } else {
            shared / shorter as f64
        },
    }
}

/// Tokens in more right-hand texts than this are not looked up.
const POSTING_CAP: usize = 256;
/// Candidates kept per left-hand text.
const PER_TEXT: usize = 32;

/// The pairs `(i, j)` of `left` × `right` (sorted bigram lists) whose Dice coefficient can
/// reach `threshold` — every such pair, plus some below it for the caller to check — as
/// long as the lists are not large and alike (see [`POSTING_CAP`] and [`PER_TEXT`]; a
/// revision's leftovers are few, so only a mass of them ever meets the caps).
///
/// Prefix filtering: Dice ≥ δ means Jaccard ≥ t = δ/(2−δ), so two sets share at least
/// ⌈t·|x|⌉ tokens, and with every set's tokens in one global order (rarest first) two such
/// sets share a token among their first |x| − ⌈t·|x|⌉ + 1. Only those prefixes are indexed;
/// rare tokens have short posting lists, so the work grows with the output, not |left|·|right|.
pub(super) fn similar_pairs(
    left: &[&[u64]],
    right: &[&[u64]],
    threshold: f64,
) -> Vec<(usize, usize)> {
    let t = threshold / (2.0 - threshold);
    let sets = |side: &[&[u64]]| -> Vec<Vec<u64>> { side.iter().map(|g| tokens(g)).collect() };
    let (mut l, mut r) = (sets(left), sets(right));
    let mut freq: Map<u64, u32> = Map::default();
    for s in l.iter().chain(&r) {
        for &tok in s {
            *freq.entry(tok).or_default() += 1;
        }
    }
    let order = |s: &mut Vec<u64>| s.sort_unstable_by_key(|tok| (freq.get(tok).copied(), *tok));
    l.iter_mut().for_each(order);
    r.iter_mut().for_each(order);
    let mut index: Map<u64, Vec<usize>> = Map::default();
    for (j, s) in r.iter().enumerate() {
        for &tok in &s[..prefix(s.len(), t)] {
            index.entry(tok).or_default().push(j);
        }
    }
    // A token in very many texts says little and would make the join quadratic (a wrong
    // plan picked by mistake leaves every requirement over): such tokens are not looked up.
    index.retain(|_, posting| posting.len() <= POSTING_CAP);
    let mut shared = vec![0u32; r.len()];
    let mut touched = Vec::new();
    let mut out = Vec::new();
    for (i, s) in l.iter().enumerate() {
        for tok in &s[..prefix(s.len(), t)] {
            for &j in index.get(tok).map_or(&[][..], Vec::as_slice) {
                if shared[j] == 0 {
                    if !lengths_allow(s.len(), r[j].len(), t) {
                        continue;
                    }
                    touched.push(j);
                }
                shared[j] += 1;
            }
        }
        // The texts sharing the most prefix tokens; all of them unless there are many.
        touched.sort_unstable_by_key(|&j| (std::cmp::Reverse(shared[j]), j));
        out.extend(touched.iter().take(PER_TEXT).map(|&j| (i, j)));
        for j in touched.drain(..) {
            shared[j] = 0;
        }
    }
    out
}

/// The bigram multiset as a set: the k-th copy of a bigram is its own token.
fn tokens(grams: &[u64]) -> Vec<u64> {
    let mut out = Vec::with_capacity(grams.len());
    let mut run = 0u64;
    for (k, &g) in grams.iter().enumerate() {
        run = if k > 0 && grams[k - 1] == g {
            run + 1
        } else {
            0
        };
        out.push(mix(g ^ mix(run)));
    }
    out
}

/// splitmix64's finaliser: spreads bigram and copy number over the whole word.
fn mix(mut x: u64) -> u64 {
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

/// How many of a set's first tokens must be indexed.
#[allow(
    clippy::cast_precision_loss,
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss
)]
fn prefix(len: usize, t: f64) -> usize {
    let needed = ((t * len as f64) - 1e-9).ceil().max(1.0) as usize;
    (len + 1).saturating_sub(needed).min(len)
}

/// Jaccard ≥ t needs the smaller set at least t times the larger.
#[allow(clippy::cast_precision_loss)]
fn lengths_allow(a: usize, b: usize, t: f64) -> bool {
    a.min(b) as f64 >= t * a.max(b) as f64 - 1e-9
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::import::compare_key;

    fn grams(s: &str) -> Vec<u64> {
        bigrams(&compare_key(s))
    }

    #[test]
    fn the_join_finds_exactly_what_all_pairs_finds() {
        let texts = [
            "做好年度报告发布。",
            "按时做好年度报告编制和发布。",
            "做好年度报告解读。",
            "加强政策解读，及时回应关切。",
            "加强政策解读，及时回应社会关切。",
            "甲",
            "",
            "严格执行保密审查制度，注重个人隐私保护。",
        ];
        let g: Vec<Vec<u64>> = texts.iter().map(|t| grams(t)).collect();
        let refs: Vec<&[u64]> = g.iter().map(Vec::as_slice).collect();
        for threshold in [0.5, 0.6, 0.8] {
            let mut found: Vec<(usize, usize)> = similar_pairs(&refs, &refs, threshold)
                .into_iter()
                .filter(|&(i, j)| overlap(refs[i], refs[j]).dice >= threshold)
                .collect();
            found.sort_unstable();
            let mut all = Vec::new();
            for i in 0..refs.len() {
                for j in 0..refs.len() {
                    if !refs[i].is_empty() && overlap(refs[i], refs[j]).dice >= threshold {
                        all.push((i, j));
                    }
                }
            }
            assert_eq!(found, all, "threshold {threshold}");
        }
    }

    #[test]
    fn overlap_measures_edits_and_insertions() {
        let o = overlap(
            &grams("做好年度报告发布。"),
            &grams("按时做好年度报告编制和发布。"),
        );
        assert!((o.contained - 7.0 / 8.0).abs() < 1e-9, "{o:?}");
        assert!((o.dice - 14.0 / 21.0).abs() < 1e-9, "{o:?}");
        let same = overlap(&grams("甲乙"), &grams("甲乙"));
        assert!((same.dice - 1.0).abs() < f64::EPSILON);
    }
}
