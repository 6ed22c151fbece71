//! Rank correlation between risk drivers: Spearman's ρ, a Cholesky
//! factorisation that names the pair to blame, and the Iman–Conover method.
//!
//! - [`spearman`]: Spearman's rank correlation (average ranks for ties).
//! - [`cholesky`]: `C = L Lᵀ`, or a [`NotPositiveDefinite`] naming the pair
//!   of variables to blame and the [`MatrixFault`].
//! - [`impose_rank_correlation`]: Iman & Conover (1982), "A distribution-free
//!   approach to inducing rank correlation among input variables",
//!   *Communications in Statistics B* 11(3), 311-334. The draws of each
//!   driver are rearranged (never changed) so that their rank correlations
//!   match a target; the marginal distributions are exactly those drawn.
//!
//! # Iman–Conover as done here
//!
//! For N draws of k drivers, of which m are correlated with something:
//!
//! 1. The target Spearman matrix R_S is turned into the Pearson matrix of
//!    normal scores that has those rank correlations,
//!    `C_ij = 2 sin(π R_S,ij / 6)` (for a bivariate normal, Spearman's
//!    ρ_S = (6/π) arcsin(ρ/2); Kruskal 1958). Without this step a target of
//!    0.6 comes out near 0.58. If this C is not positive definite although
//!    R_S is, R_S itself is used.
//! 2. `C = P Pᵀ` (Cholesky).
//! 3. The van der Waerden scores `a_i = Φ⁻¹(i/(N+1))`, i = 1..N, centred,
//!    fill each of the m columns of the score matrix S (N × m), each column
//!    in its own random order: a Fisher–Yates shuffle driven by
//!    `rng::uniform(seed, i, driver, SHUFFLE_STEP)`, so the order depends
//!    only on the seed, N and the driver's own index.
//! 4. The actual correlation matrix E of S's columns is factorised,
//!    `E = Q Qᵀ`, and `T = S (P Q⁻¹)ᵀ`: the rows of S Q⁻ᵀ have sample
//!    correlation exactly I, so T's sample correlation is exactly C. (This
//!    is the "corrected" variant; plain `S Pᵀ` would carry S's chance
//!    correlations of about ±1/√N into the result.) If E cannot be
//!    factorised (N ≤ m), Q = I.
//! 5. Each driver's draws are sorted and placed so that their ranks are the
//!    ranks of T's column: the r-th smallest draw goes to the row holding
//!    the r-th smallest T value.
//!
//! Cost: O(N m²) for S, E and T, and two radix sorts of N per correlated
//! driver, O(m N); the columns are shuffled, mixed and placed in parallel
//! (each column from its own seeded stream, so the result does not depend
//! on the number of threads). Drivers
//! correlated with nothing are not touched (nor is anything when the target
//! is the identity).
#![deny(missing_docs)]

use rayon::prelude::*;

use super::rng::{standard_normal, uniform};

/// The `step` argument of [`uniform`] used by the Iman–Conover shuffles, so
/// that they never reuse a driver's draws even with the same seed (the
/// Monte Carlo uses small steps: model years).
pub const SHUFFLE_STEP: u64 = u64::MAX - 0x1C;

/// A pivot of the Cholesky factorisation must exceed this multiple of its
/// diagonal entry; a correlation of exactly ±1 (two drivers that are one) is
/// therefore rejected.
pub const PIVOT_TOLERANCE: f64 = 1e-10;

/// Off-diagonal entries `C_ij` and `C_ji` of a target may differ by at most
/// this much.
pub const SYMMETRY_TOLERANCE: f64 = 1e-12;

/// What is wrong with a correlation matrix (or the columns it applies to),
/// as reported by a [`NotPositiveDefinite`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MatrixFault {
    /// The matrix is not positive definite; (i, j) is the pair to blame by
    /// the rule of [`cholesky`]. A pair (i, i) means the diagonal entry is
    /// at fault.
    NotPositiveDefinite,
    /// Entry (i, j) is NaN or infinite.
    NotFinite,
    /// Entry (i, j) of a correlation target is outside [-1, 1].
    OutOfRange,
    /// Entries (i, j) and (j, i) of a correlation target differ.
    Asymmetric,
    /// The matrix is not square, or not k × k for k columns: row i has
    /// length j (or, with i equal to the expected size, the matrix has j
    /// rows).
    Shape,
    /// Column i has j values, not as many as the first correlated column
    /// (or more than `u32::MAX`).
    ColumnLength,
}

/// A correlation matrix that cannot be used, with the pair of variables to
/// blame (`i ≤ j`) and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotPositiveDefinite {
    /// The first variable of the pair (the smaller index).
    pub i: usize,
    /// The second variable of the pair.
    pub j: usize,
    /// What is wrong.
    pub fault: MatrixFault,
}

impl NotPositiveDefinite {
    /// The pair (i, j) with i ≤ j.
    fn pair(a: usize, b: usize, fault: MatrixFault) -> Self {
        let (i, j) = if a <= b { (a, b) } else { (b, a) };
        NotPositiveDefinite { i, j, fault }
    }
}

/// Spearman's rank correlation of `x` and `y`: the Pearson correlation of
/// their ranks, with tied values given the average of the ranks they span.
///
/// Only the first `min(x.len(), y.len())` pairs are used. Fewer than two
/// pairs, or a series whose values are all equal, give 0. NaN values are
/// ranked (after every number, each its own rank) rather than rejected.
#[must_use]
pub fn spearman(x: &[f64], y: &[f64]) -> f64 {
    let n = x.len().min(y.len());
    if n < 2 {
        return 0.0;
    }
    rank_correlation(&ranks(&x[..n]), &ranks(&y[..n]))
}

/// The Pearson correlation of two rank series from [`ranks`] (Spearman's
/// correlation when the ranks are known already, e.g. one series ranked once
/// and correlated with many). Series of different lengths use the shorter.
#[must_use]
pub fn rank_correlation(rx: &[f64], ry: &[f64]) -> f64 {
    let n = rx.len().min(ry.len());
    if n < 2 {
        return 0.0;
    }
    // The mean rank is (n+1)/2 for both, ties or not.
    let mean = (n as f64 + 1.0) / 2.0;
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (a, b) in rx[..n].iter().zip(&ry[..n]) {
        let (dx, dy) = (a - mean, b - mean);
        sxy += dx * dy;
        sxx += dx * dx;
        syy += dy * dy;
    }
    if sxx > 0.0 && syy > 0.0 {
        (sxy / (sxx * syy).sqrt()).clamp(-1.0, 1.0)
    } else {
        0.0
    }
}

/// The ranks 1..=n of `v`, ties averaged.
#[must_use]
pub fn ranks(v: &[f64]) -> Vec<f64> {
    // Sorted in `f64::total_cmp` order (a radix sort of the order keys, with
    // u32 indices, which halve the items it moves; a comparison sort beyond
    // u32::MAX values); ties are then runs of equal values, whatever their
    // order inside.
    if u32::try_from(v.len()).is_err() {
        let mut order: Vec<usize> = (0..v.len()).collect();
        order.sort_by(|&a, &b| v[a].total_cmp(&v[b]));
        return averaged_ranks(v.len(), |k| order[k], |k| v[order[k]]);
    }
    let mut order: Vec<(u64, u32)> = v
        .iter()
        .zip(0u32..)
        .map(|(&x, i)| (order_key(x), i))
        .collect();
    radix_sort(&mut order);
    // The values read back from the keys (no lookup into `v`).
    averaged_ranks(
        v.len(),
        |k| order[k].1 as usize,
        |k| from_order_key(order[k].0),
    )
}

/// Ranks from a sorted order: position k of the order holds the value
/// `value(k)` of item `index(k)`; a run of values equal by `==` shares the
/// average of its positions' ranks.
fn averaged_ranks(
    n: usize,
    index: impl Fn(usize) -> usize,
    value: impl Fn(usize) -> f64,
) -> Vec<f64> {
    let mut r = vec![0.0; n];
    let mut start = 0;
    while start < n {
        let mut end = start + 1;
        while end < n && value(end) == value(start) {
            end += 1;
        }
        // Positions start..end hold ranks start+1 ..= end; their average:
        let avg = (start + end + 1) as f64 / 2.0;
        for k in start..end {
            r[index(k)] = avg;
        }
        start = end;
    }
    r
}

/// Sorts `items` by their keys, stably: a least-significant-digit radix
/// sort on 11-bit digits (six passes cover 64 bits; a digit's 2,048
/// counters fit the first-level cache). Every digit's counts are taken in
/// one pass over the keys, and a digit that every key shares is skipped.
pub fn radix_sort<T: Copy>(items: &mut Vec<(u64, T)>) {
    const BITS: usize = 11;
    const DIGITS: usize = 64_usize.div_ceil(BITS);
    const SIZE: usize = 1 << BITS;
    const MASK: u64 = (SIZE - 1) as u64;
    let n = items.len();
    if n < 64 || u32::try_from(n).is_err() {
        items.sort_by_key(|item| item.0);
        return;
    }
    let mut counts = vec![[0u32; SIZE]; DIGITS];
    for item in items.iter() {
        let mut key = item.0;
        for digit in counts.iter_mut() {
            digit[(key & MASK) as usize] += 1;
            key >>= BITS;
        }
    }
    // Every slot is written by each scatter (the counts sum to n), so the
    // second buffer is filled once, not before every pass.
    let mut buf: Vec<(u64, T)> = vec![items[0]; n];
    for (d, digit) in counts.iter().enumerate() {
        let shift = BITS * d;
        // n ≤ u32::MAX, checked above.
        if digit.iter().any(|&c| c as usize == n) {
            continue;
        }
        let mut offsets = [0u32; SIZE];
        let mut total = 0u32;
        for (o, &c) in offsets.iter_mut().zip(digit) {
            *o = total;
            total += c;
        }
        for &item in items.iter() {
            let b = ((item.0 >> shift) & MASK) as usize;
            buf[offsets[b] as usize] = item;
            offsets[b] += 1;
        }
        std::mem::swap(items, &mut buf);
    }
}

/// `values` sorted in `f64::total_cmp` order (a radix sort of their order
/// keys).
#[must_use]
pub fn sorted_total(values: &[f64]) -> Vec<f64> {
    let mut keys: Vec<(u64, ())> = values.iter().map(|&x| (order_key(x), ())).collect();
    radix_sort(&mut keys);
    keys.into_iter().map(|(k, ())| from_order_key(k)).collect()
}

/// The lower-triangular Cholesky factor L of a symmetric matrix, `m = L Lᵀ`.
///
/// Only the lower triangle (j ≤ i) is read. Every row must have `m.len()`
/// entries ([`MatrixFault::Shape`]) and those read must be finite
/// ([`MatrixFault::NotFinite`]). Each pivot must exceed
/// [`PIVOT_TOLERANCE`] times its diagonal entry.
///
/// # Which pair is blamed
///
/// When the matrix is not positive definite the error names the pair of
/// variables whose correlation is most plausibly the mistake:
///
/// 1. the off-diagonal pairs are tried in order of decreasing |m_ij| (ties:
///    lower i, then lower j first); the first pair whose entry, set to 0
///    (alone, the rest unchanged), makes the matrix positive definite is
///    blamed;
/// 2. if no single pair does, the pair with the largest |m_rj| in the row r
///    where the factorisation failed;
/// 3. if that row has no off-diagonal entry, (r, r): the diagonal.
///
/// For k variables this costs at most k²/2 extra factorisations (O(k⁵),
/// nothing for k ≈ 12).
pub fn cholesky(m: &[Vec<f64>]) -> Result<Vec<Vec<f64>>, NotPositiveDefinite> {
    let k = m.len();
    for (i, row) in m.iter().enumerate() {
        if row.len() != k {
            return Err(NotPositiveDefinite {
                i,
                j: row.len(),
                fault: MatrixFault::Shape,
            });
        }
        for (j, &x) in row.iter().enumerate().take(i + 1) {
            if !x.is_finite() {
                return Err(NotPositiveDefinite::pair(i, j, MatrixFault::NotFinite));
            }
        }
    }
    let failed_row = match factorise(m) {
        Ok(l) => return Ok(l),
        Err(r) => r,
    };
    Err(blame(m, failed_row))
}

/// Plain Cholesky–Banachiewicz on the lower triangle; `Err(r)` when the
/// pivot of row r is not positive enough.
fn factorise(m: &[Vec<f64>]) -> Result<Vec<Vec<f64>>, usize> {
    let k = m.len();
    let mut l = vec![vec![0.0; k]; k];
    for i in 0..k {
        for j in 0..=i {
            let mut sum = m[i][j];
            for (a, b) in l[i][..j].iter().zip(&l[j][..j]) {
                sum -= a * b;
            }
            if i == j {
                // Written so that a NaN pivot fails too.
                let pivot_ok = sum > PIVOT_TOLERANCE * m[i][i] && m[i][i] > 0.0;
                if !pivot_ok {
                    return Err(i);
                }
                l[i][i] = sum.sqrt();
            } else {
                l[i][j] = sum / l[j][j];
            }
        }
    }
    Ok(l)
}

/// The pair to blame for a matrix that failed in row `failed_row` (rule in
/// [`cholesky`]).
fn blame(m: &[Vec<f64>], failed_row: usize) -> NotPositiveDefinite {
    let k = m.len();
    let mut pairs: Vec<(usize, usize)> = (0..k)
        .flat_map(|i| (0..i).map(move |j| (i, j)))
        .filter(|&(i, j)| m[i][j] != 0.0)
        .collect();
    pairs.sort_by(|&(i1, j1), &(i2, j2)| {
        m[i2][j2]
            .abs()
            .total_cmp(&m[i1][j1].abs())
            .then(i1.cmp(&i2))
            .then(j1.cmp(&j2))
    });
    let mut trial: Vec<Vec<f64>> = m.to_vec();
    for &(i, j) in &pairs {
        let saved = (trial[i][j], trial[j][i]);
        trial[i][j] = 0.0;
        trial[j][i] = 0.0;
        if factorise(&trial).is_ok() {
            return NotPositiveDefinite::pair(i, j, MatrixFault::NotPositiveDefinite);
        }
        trial[i][j] = saved.0;
        trial[j][i] = saved.1;
    }
    let r = failed_row;
    let worst = (0..r)
        .filter(|&j| m[r][j] != 0.0)
        .max_by(|&a, &b| m[r][a].abs().total_cmp(&m[r][b].abs()).then(b.cmp(&a)));
    match worst {
        Some(j) => NotPositiveDefinite::pair(r, j, MatrixFault::NotPositiveDefinite),
        None => NotPositiveDefinite::pair(r, r, MatrixFault::NotPositiveDefinite),
    }
}

/// Checks a correlation target for k columns: k × k, finite, symmetric,
/// off-diagonal entries in [-1, 1]. The diagonal is not read (it is 1).
#[allow(clippy::needless_range_loop)] // (i, j) and (j, i) are both read
fn check_target(target: &[Vec<f64>], k: usize) -> Result<(), NotPositiveDefinite> {
    if target.len() != k {
        return Err(NotPositiveDefinite {
            i: k,
            j: target.len(),
            fault: MatrixFault::Shape,
        });
    }
    for (i, row) in target.iter().enumerate() {
        if row.len() != k {
            return Err(NotPositiveDefinite {
                i,
                j: row.len(),
                fault: MatrixFault::Shape,
            });
        }
    }
    for i in 0..k {
        for j in 0..i {
            let (a, b) = (target[i][j], target[j][i]);
            if !a.is_finite() || !b.is_finite() {
                return Err(NotPositiveDefinite::pair(i, j, MatrixFault::NotFinite));
            }
            if a.abs() > 1.0 || b.abs() > 1.0 {
                return Err(NotPositiveDefinite::pair(i, j, MatrixFault::OutOfRange));
            }
            if (a - b).abs() > SYMMETRY_TOLERANCE {
                return Err(NotPositiveDefinite::pair(i, j, MatrixFault::Asymmetric));
            }
        }
    }
    Ok(())
}

/// A u64 whose unsigned order is `f64::total_cmp`'s order.
#[inline]
fn order_key(x: f64) -> u64 {
    let bits = x.to_bits();
    if bits >> 63 == 1 {
        !bits
    } else {
        bits | (1 << 63)
    }
}

/// The f64 of an [`order_key`].
#[inline]
fn from_order_key(key: u64) -> f64 {
    f64::from_bits(if key >> 63 == 1 {
        key & !(1 << 63)
    } else {
        !key
    })
}

/// Rearranges the values inside each column so that the columns' Spearman
/// rank correlations match `target` (Iman & Conover 1982; the steps are in
/// the [module docs](self)).
///
/// `columns[d]` holds the N independent draws of driver d; `target` is the
/// k × k Spearman correlation matrix for the k = `columns.len()` drivers
/// (its diagonal is not read). Each column keeps exactly its values, only
/// their order changes; columns with no nonzero correlation in `target` are
/// not touched, and nothing is when `target` is the identity. The same
/// inputs and `seed` give the same output on every machine and thread
/// count.
///
/// # Errors
///
/// A [`NotPositiveDefinite`] naming the pair to blame when the target is
/// not k × k, has a non-finite or asymmetric entry or one outside [-1, 1],
/// or is not positive definite (the pair as [`cholesky`] chooses it); or
/// when correlated columns differ in length. The columns are then untouched.
pub fn impose_rank_correlation(
    columns: &mut [Vec<f64>],
    target: &[Vec<f64>],
    seed: u64,
) -> Result<(), NotPositiveDefinite> {
    let k = columns.len();
    check_target(target, k)?;
    let involved: Vec<usize> = (0..k)
        .filter(|&i| (0..k).any(|j| j != i && target[i][j] != 0.0))
        .collect();
    let Some(&first) = involved.first() else {
        return Ok(());
    };
    let m = involved.len();

    // Steps 1-2: the Pearson target of the scores and its factor P.
    let sub = |f: &dyn Fn(f64) -> f64| -> Vec<Vec<f64>> {
        involved
            .iter()
            .map(|&a| {
                involved
                    .iter()
                    .map(|&b| if a == b { 1.0 } else { f(target[a][b]) })
                    .collect()
            })
            .collect()
    };
    let spearman_target = sub(&|r| r);
    let pearson_target = sub(&|r| 2.0 * (std::f64::consts::PI * r / 6.0).sin());
    let p = match cholesky(&pearson_target) {
        Ok(p) => p,
        Err(_) => cholesky(&spearman_target).map_err(|e| {
            // Back to the caller's indices.
            let (a, b) = (involved[e.i.min(m - 1)], involved[e.j.min(m - 1)]);
            NotPositiveDefinite::pair(a, b, e.fault)
        })?,
    };

    let n = columns[first].len();
    for &d in &involved {
        if columns[d].len() != n {
            return Err(NotPositiveDefinite {
                i: d,
                j: columns[d].len(),
                fault: MatrixFault::ColumnLength,
            });
        }
    }
    if u32::try_from(n).is_err() {
        return Err(NotPositiveDefinite {
            i: first,
            j: n,
            fault: MatrixFault::ColumnLength,
        });
    }
    if n < 2 {
        return Ok(());
    }

    // Step 3: the shuffled, centred van der Waerden scores, row-major N × m.
    let mut s = score_matrix(n, &involved, seed);

    // Step 4: E = Q Qᵀ, M = P Q⁻¹, each row t = M s (M lower triangular, so
    // in place from the last component down).
    let e = column_correlation(&s, m);
    let mix = match factorise(&e) {
        Ok(q) => multiply_lower(&p, &invert_lower(&q)),
        Err(_) => p, // N ≤ m: no correction possible
    };
    s.par_chunks_mut(m * 1024).for_each(|rows| {
        for row in rows.chunks_exact_mut(m) {
            for j in (0..m).rev() {
                let t: f64 = (0..=j).map(|l| mix[j][l] * row[l]).sum();
                row[j] = t;
            }
        }
    });

    // Step 5: give each driver's values the ranks of T's column. The
    // drivers in parallel, and each driver's two sorts (T's column with its
    // rows, the driver's values) as two tasks.
    let placed: Vec<Vec<f64>> = involved
        .par_iter()
        .enumerate()
        .map(|(c, &d)| {
            let (keys, sorted) = rayon::join(
                || {
                    // r < n ≤ u32::MAX, checked above.
                    let mut keys: Vec<(u64, u32)> = s
                        .chunks_exact(m)
                        .enumerate()
                        .map(|(r, row)| (order_key(row[c]), r as u32))
                        .collect();
                    radix_sort(&mut keys);
                    keys
                },
                || sorted_total(&columns[d]),
            );
            let mut column = vec![0.0; n];
            for (&(_, r), &v) in keys.iter().zip(&sorted) {
                column[r as usize] = v;
            }
            column
        })
        .collect();
    for (&d, column) in involved.iter().zip(placed) {
        columns[d] = column;
    }
    Ok(())
}

/// The N × m score matrix (row-major): column c is the centred van der
/// Waerden scores Φ⁻¹(i/(N+1)) shuffled by Fisher–Yates with
/// `uniform(seed, i, involved[c], SHUFFLE_STEP)` choosing the partner of
/// position i (i = N-1 down to 1).
fn score_matrix(n: usize, involved: &[usize], seed: u64) -> Vec<f64> {
    let m = involved.len();
    let denom = n as f64 + 1.0;
    // The scores and each column's shuffle (of positions; it does not
    // depend on the scores) as separate tasks, in parallel.
    let (scores, orders) = rayon::join(
        || -> Vec<f64> {
            (1..=n)
                .into_par_iter()
                .map(|i| standard_normal(i as f64 / denom))
                .collect()
        },
        || -> Vec<Vec<u32>> {
            involved
                .par_iter()
                .map(|&driver| {
                    // n ≤ u32::MAX, checked by the caller.
                    let mut order: Vec<u32> = (0..n as u32).collect();
                    for i in (1..n).rev() {
                        let u = uniform(seed, i as u64, driver as u64, SHUFFLE_STEP);
                        // u < 1, so the product is below i + 1; min guards
                        // rounding.
                        let j = ((u * (i + 1) as f64) as usize).min(i);
                        order.swap(i, j);
                    }
                    order
                })
                .collect()
        },
    );
    let mean = scores.iter().sum::<f64>() / n as f64;
    let mut s = vec![0.0; n * m];
    s.par_chunks_mut(m * 1024)
        .enumerate()
        .for_each(|(block, rows)| {
            for (k, row) in rows.chunks_exact_mut(m).enumerate() {
                let r = block * 1024 + k;
                for (c, order) in orders.iter().enumerate() {
                    row[c] = scores[order[r] as usize] - mean;
                }
            }
        });
    s
}

/// The correlation matrix of the m columns of a row-major N × m matrix
/// whose columns have mean 0 (lower triangle and diagonal filled; the
/// diagonal is 1).
fn column_correlation(s: &[f64], m: usize) -> Vec<Vec<f64>> {
    let mut acc = vec![0.0; m * m];
    for row in s.chunks_exact(m) {
        for a in 0..m {
            let ra = row[a];
            for b in 0..=a {
                acc[a * m + b] += ra * row[b];
            }
        }
    }
    let mut e = vec![vec![0.0; m]; m];
    for a in 0..m {
        for b in 0..=a {
            let denom = (acc[a * m + a] * acc[b * m + b]).sqrt();
            let v = if a == b {
                1.0
            } else if denom > 0.0 {
                acc[a * m + b] / denom
            } else {
                0.0
            };
            e[a][b] = v;
            e[b][a] = v;
        }
    }
    e
}

/// The inverse of a lower-triangular matrix with a positive diagonal
/// (forward substitution, column by column).
fn invert_lower(q: &[Vec<f64>]) -> Vec<Vec<f64>> {
    let m = q.len();
    let mut inv = vec![vec![0.0; m]; m];
    for c in 0..m {
        inv[c][c] = 1.0 / q[c][c];
        for r in c + 1..m {
            let sum: f64 = (c..r).map(|p| q[r][p] * inv[p][c]).sum();
            inv[r][c] = -sum / q[r][r];
        }
    }
    inv
}

/// The product of two lower-triangular matrices (lower triangular).
fn multiply_lower(a: &[Vec<f64>], b: &[Vec<f64>]) -> Vec<Vec<f64>> {
    let m = a.len();
    let mut out = vec![vec![0.0; m]; m];
    for r in 0..m {
        for c in 0..=r {
            out[r][c] = (c..=r).map(|p| a[r][p] * b[p][c]).sum();
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)] // Tests: a failed unwrap is a failed test.

    use super::*;

    #[test]
    fn ranks_average_ties() {
        assert_eq!(ranks(&[10.0, 20.0, 20.0, 5.0]), vec![2.0, 3.5, 3.5, 1.0]);
        assert_eq!(ranks(&[1.0, 1.0, 1.0]), vec![2.0, 2.0, 2.0]);
        // Past the radix sort's threshold, with runs of ties and both
        // zeros (equal by ==, so tied): against the definition, rank =
        // (number of smaller values) + (number of equal values + 1) / 2,
        // counted pair by pair.
        let v: Vec<f64> = (0..300)
            .map(|i| match i % 7 {
                0 => 0.0,
                1 => -0.0,
                2 => (i % 5) as f64,
                _ => ((i * 7919) % 1009) as f64 / 13.0 - 20.0,
            })
            .collect();
        let expected: Vec<f64> = v
            .iter()
            .map(|&x| {
                let less = v.iter().filter(|&&y| y < x).count() as f64;
                let equal = v.iter().filter(|&&y| y == x).count() as f64;
                less + (equal + 1.0) / 2.0
            })
            .collect();
        assert_eq!(ranks(&v), expected);
    }

    #[test]
    fn spearman_small_cases_by_hand() {
        // Monotone: +1 and -1 whatever the spacing.
        assert_eq!(spearman(&[1.0, 2.0, 10.0], &[0.1, 0.2, 0.3]), 1.0);
        assert_eq!(spearman(&[1.0, 2.0, 10.0], &[3.0, 2.0, 1.0]), -1.0);
        // x ranks 1 2 3 4, y ranks 1 3 2 4: Σd² = 2, ρ = 1 - 6·2/(4·15) = 0.8.
        let r = spearman(&[1.0, 2.0, 3.0, 4.0], &[1.0, 3.0, 2.0, 4.0]);
        assert!((r - 0.8).abs() < 1e-15, "{r}");
        // Degenerate inputs give 0.
        assert_eq!(spearman(&[1.0], &[2.0]), 0.0);
        assert_eq!(spearman(&[1.0, 1.0], &[2.0, 3.0]), 0.0);
    }

    #[test]
    fn cholesky_of_a_known_matrix() {
        // [[4, 2], [2, 3]] = L Lᵀ with L = [[2, 0], [1, √2]].
        let l = cholesky(&[vec![4.0, 2.0], vec![2.0, 3.0]]).unwrap();
        assert_eq!(l[0][0], 2.0);
        assert_eq!(l[1][0], 1.0);
        assert!((l[1][1] - 2f64.sqrt()).abs() < 1e-15);
    }

    #[test]
    fn lower_triangular_helpers_invert() {
        let q = vec![
            vec![2.0, 0.0, 0.0],
            vec![0.5, 1.5, 0.0],
            vec![-0.3, 0.2, 0.9],
        ];
        let prod = multiply_lower(&q, &invert_lower(&q));
        for (r, row) in prod.iter().enumerate() {
            for (c, &x) in row.iter().enumerate() {
                let e = if r == c { 1.0 } else { 0.0 };
                assert!((x - e).abs() < 1e-15, "({r}, {c}) = {x}");
            }
        }
    }

    #[test]
    fn radix_sorts_match_the_standard_sorts() {
        // Expected: the standard library's comparison sorts. Values with
        // ties, both zeros, infinities and NaN, more than one radix pass.
        let mut state = 7u64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let mut v: Vec<f64> = (0..5000)
            .map(|_| match next() % 10 {
                0 => 0.0,
                1 => -0.0,
                2 => ((next() % 7) as f64) * 0.5,
                3 => f64::INFINITY,
                4 => f64::NAN,
                _ => (next() >> 11) as f64 / (1u64 << 53) as f64 * 200.0 - 100.0,
            })
            .collect();
        v.push(f64::NEG_INFINITY);
        let mut expected = v.clone();
        expected.sort_by(f64::total_cmp);
        let got = sorted_total(&v);
        assert!(
            got.iter()
                .zip(&expected)
                .all(|(a, b)| a.to_bits() == b.to_bits())
        );
        let mut items: Vec<(u64, usize)> = v.iter().map(|&x| order_key(x)).zip(0..).collect();
        let mut stable = items.clone();
        stable.sort_by_key(|item| item.0);
        radix_sort(&mut items);
        assert_eq!(items, stable);
        // Ranks: ties (equal values, -0 and 0 alike) share the average rank.
        let r = ranks(&[2.0, -0.0, 0.0, 5.0, 2.0]);
        assert_eq!(r, vec![3.5, 1.5, 1.5, 5.0, 3.5]);
    }

    #[test]
    fn order_key_follows_total_order() {
        let v = [
            f64::NEG_INFINITY,
            -2.0,
            -0.0,
            0.0,
            1e-300,
            3.0,
            f64::INFINITY,
        ];
        for w in v.windows(2) {
            assert!(order_key(w[0]) < order_key(w[1]), "{} {}", w[0], w[1]);
        }
    }
}
