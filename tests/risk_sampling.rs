//! Reference cases for the sampling layer of Monte Carlo
//! (`assay::engine::risk`): distributions against closed forms and scipy,
//! draws against their moments, Iman–Conover against its targets, the
//! log-OU path against its variance and autocorrelation.
//!
//! Every reference value names its source; scipy values were computed with
//! scipy 1.17.1 (numpy 2.4.6, Python 3.11.7) and cross-checked with mpmath
//! 1.3.0 at 40 digits (agreement within 2e-16 except where noted). Every
//! Monte Carlo test names its seed and tolerance. One assert helper prints
//! inputs, expected, actual and tolerance.
#![allow(clippy::unwrap_used)] // Tests: a failed unwrap is a failed test.

use std::fmt::Debug;

use assay::engine::risk::correlate::{
    MatrixFault, NotPositiveDefinite, cholesky, impose_rank_correlation, spearman,
};
use assay::engine::risk::dist::{Dist, DistProblem, Param};
use assay::engine::risk::path::{log_ou_path, log_ou_variance};
use assay::engine::risk::rng::{standard_normal, uniform};

/// The seed of every Monte Carlo test in this file.
const SEED: u64 = 8_2026;

fn check(what: &str, input: impl Debug, expected: f64, actual: f64, tol: f64) {
    assert!(
        (actual - expected).abs() <= tol,
        "{what}: input {input:?}: expected {expected}, actual {actual}, \
         difference {:e}, tolerance {tol:e}",
        actual - expected
    );
}

fn tri(low: f64, mode: f64, high: f64) -> Dist {
    Dist::Triangular { low, mode, high }
}

fn pert(low: f64, mode: f64, high: f64) -> Dist {
    Dist::Pert { low, mode, high }
}

// ---------------------------------------------------------------------------
// Percentiles against closed forms and scipy
// ---------------------------------------------------------------------------

#[test]
fn triangular_percentiles_against_the_closed_form() {
    // low 0.6, mode 1.0, high 1.3: h - l = 0.7, c - l = 0.4, h - c = 0.3,
    // F(mode) = 0.4 / 0.7 = 0.571428...
    // P10: 0.1 ≤ F(c): 0.6 + √(0.1 · 0.7 · 0.4) = 0.6 + √0.028 = 0.6 + 0.167332005306815
    // P50: 0.5 ≤ F(c): 0.6 + √(0.5 · 0.7 · 0.4) = 0.6 + √0.14  = 0.6 + 0.374165738677394
    // P90: 0.9 > F(c): 1.3 - √(0.1 · 0.7 · 0.3) = 1.3 - √0.021 = 1.3 - 0.144913767461894
    let d = tri(0.6, 1.0, 1.3);
    let cases = [
        (0.1, 0.6 + 0.028f64.sqrt(), 0.767_332_005_306_815),
        (0.5, 0.6 + 0.14f64.sqrt(), 0.974_165_738_677_394),
        (0.9, 1.3 - 0.021f64.sqrt(), 1.155_086_232_538_106),
        (0.0, 0.6, 0.6),
        (1.0, 1.3, 1.3),
        // At F(mode) exactly the two branches meet at the mode.
        (0.4 / 0.7, 1.0, 1.0),
    ];
    for (u, formula, written) in cases {
        check("triangular quantile", u, formula, d.percentile(u), 1e-15);
        check(
            "triangular quantile (decimals)",
            u,
            written,
            d.percentile(u),
            1e-15,
        );
        check("triangular cdf", formula, u, d.cdf(formula), 1e-15);
    }
    // Mean (l + c + h)/3 = 2.9/3; variance (l² + c² + h² - lc - lh - ch)/18
    // = (0.36 + 1 + 1.69 - 0.6 - 0.78 - 1.3)/18 = 0.37/18.
    check("triangular mean", &d, 2.9 / 3.0, d.mean(), 1e-15);
    check("triangular variance", &d, 0.37 / 18.0, d.variance(), 1e-15);
}

#[test]
fn pert_symmetric_median_is_the_mode() {
    // Mode in the middle: α = β = 3, symmetric about the mode, so P50 is
    // the mode exactly and P10, P90 are mirror images.
    let d = pert(0.5, 1.0, 1.5);
    assert_eq!(d.percentile(0.5), 1.0);
    check(
        "PERT P10 + P90",
        &d,
        2.0,
        d.percentile(0.1) + d.percentile(0.9),
        1e-15,
    );
    // low 0.8, mode 1.0, high 1.2 (scipy 1.17.1):
    //   python3 -c "from scipy.stats import beta;
    //     print([0.8 + 0.4*beta.ppf(u, 3, 3) for u in (0.1, 0.5, 0.9)])"
    let d = pert(0.8, 1.0, 1.2);
    for (u, expected) in [
        (0.1, 0.898_654_581_315_386_7),
        (0.5, 1.0),
        (0.9, 1.101_345_418_684_613_4),
    ] {
        check(
            "symmetric PERT quantile",
            u,
            expected,
            d.percentile(u),
            1e-15,
        );
    }
    check("PERT mean (l + 4c + h)/6", &d, 1.0, d.mean(), 1e-15);
}

#[test]
fn pert_skewed_against_scipy() {
    // low 0.9, mode 1.05, high 1.6: α = 1 + 4·0.15/0.7 = 1.857142857142857,
    // β = 1 + 4·0.55/0.7 = 4.142857142857143. Values:
    //   python3 -c "from scipy.stats import beta; a=1+4*0.15/0.7; b=1+4*0.55/0.7;
    //     print([0.9+0.7*beta.ppf(u,a,b) for u in (0.01,0.1,0.5,0.9,0.99)])"
    // (scipy 1.17.1; mpmath's betainc inverted by findroot gives
    // 1.1010936210144553 at P50, the rest identical).
    let d = pert(0.9, 1.05, 1.6);
    for (u, expected) in [
        (0.01, 0.917_981_312_699_638_7),
        (0.1, 0.967_275_920_053_178_2),
        (0.5, 1.101_093_621_014_455_5),
        (0.9, 1.289_572_654_362_942),
        (0.99, 1.430_033_380_657_955_7),
    ] {
        check("skewed PERT quantile", u, expected, d.percentile(u), 1e-14);
        check("skewed PERT cdf", expected, u, d.cdf(expected), 1e-14);
    }
    // Mean (0.9 + 4·1.05 + 1.6)/6 = 6.7/6; variance (h-l)² αβ / 252.
    check("PERT mean", &d, 6.7 / 6.0, d.mean(), 1e-15);
    let (a, b) = (1.0 + 4.0 * 0.15 / 0.7, 1.0 + 4.0 * 0.55 / 0.7);
    check(
        "PERT variance",
        &d,
        0.49 * a * b / 252.0,
        d.variance(),
        1e-15,
    );
}

#[test]
fn truncated_normal_against_scipy() {
    // scipy 1.17.1, for each (mu, sd):
    //   python3 -c "import numpy as np; from scipy.stats import truncnorm;
    //     mu, sd = 1.0, 0.3; print([truncnorm.ppf(u, -mu/sd, np.inf, loc=mu, scale=sd)
    //     for u in (0.001, 0.1, 0.5, 0.9, 0.999)])"
    // Near 0 the answer is a difference of two O(1)
    // numbers, so it is known only to about 1e-16 absolute: scipy's
    // 0.0034710278067907607 at (1, 1, 0.001) is 1.8e-16 from mpmath's
    // 0.0034710278067905808. Tolerance 1e-14 absolute.
    /// (mean, sd, [(u, quantile)]).
    type Rows = (f64, f64, [(f64, f64); 5]);
    let table: [Rows; 5] = [
        (
            1.0,
            0.3,
            [
                (0.001, 0.105_192_683_987_852_86),
                (0.1, 0.616_193_701_021_011_8),
                (0.5, 1.000_161_324_222_182),
                (0.9, 1.384_538_825_500_273_7),
                (0.999, 1.927_107_927_670_410_2),
            ],
        ),
        (
            1.0,
            1.0,
            [
                (0.001, 0.003_471_027_806_790_760_7),
                (0.1, 0.302_643_083_842_742_5),
                (0.5, 1.200_173_686_166_890_8),
                (0.9, 2.377_787_361_599_307_5),
                (0.999, 4.141_179_357_253_184_5),
            ],
        ),
        (
            0.5,
            1.0,
            [
                (0.001, 0.001_963_055_045_530_126_6),
                (0.1, 0.188_430_306_708_285_98),
                (0.5, 0.896_871_175_089_544_7),
                (0.9, 1.982_179_678_440_907_4),
                (0.999, 3.698_191_332_358_839_6),
            ],
        ),
        (
            // Half-normal: Φ⁻¹((1 + u)/2).
            0.0,
            1.0,
            [
                (0.001, 0.001_253_314_465_432_555_7),
                (0.1, 0.125_661_346_855_074_02),
                (0.5, 0.674_489_750_196_081_7),
                (0.9, 1.644_853_626_951_472_9),
                (0.999, 3.290_526_731_491_894_5),
            ],
        ),
        (
            // Truncation invisible (mass below 0 is Φ(-10) = 7.6e-24).
            1.0,
            0.1,
            [
                (0.001, 0.690_976_769_383_218_7),
                (0.1, 0.871_844_843_445_539_9),
                (0.5, 1.0),
                (0.9, 1.128_155_156_554_46),
                (0.999, 1.309_023_230_616_781_3),
            ],
        ),
    ];
    for (mean, sd, rows) in table {
        let d = Dist::Normal { mean, sd };
        for (u, expected) in rows {
            check(
                "truncated normal quantile",
                (mean, sd, u),
                expected,
                d.quantile(u),
                1e-14,
            );
            check(
                "truncated normal cdf",
                (mean, sd, expected),
                u,
                d.cdf(expected),
                1e-14,
            );
        }
        assert_eq!(d.quantile(0.0), 0.0);
    }
    // truncnorm.mean(-mu/sd, np.inf, loc=mu, scale=sd) and .std(...),
    // scipy 1.17.1.
    for (mean, sd, m, s) in [
        (1.0, 0.3, 1.000_462_882_303_322_6, 0.299_227_176_968_688_2),
        (1.0, 1.0, 1.287_599_970_939_178_3, 0.793_527_747_326_207_6),
        (0.5, 1.0, 1.009_160_433_837_033_5, 0.697_262_816_803_224_5),
        (0.0, 1.0, 0.797_884_560_802_865_4, 0.602_810_274_989_086_9),
    ] {
        let d = Dist::Normal { mean, sd };
        check("truncated normal mean", (mean, sd), m, d.mean(), 1e-14);
        check("truncated normal sd", (mean, sd), s, d.sd(), 1e-14);
    }
}

#[test]
fn lognormal_against_the_closed_form() {
    // median · exp(σ Φ⁻¹(u)), with Φ⁻¹(0.9) = 1.2815515655446004 (scipy
    // norm.ppf; A&S Table 26.5: 1.281552).
    let d = Dist::Lognormal {
        median: 1.2,
        sigma: 0.25,
    };
    let z90: f64 = 1.281_551_565_544_600_4;
    check("lognormal P50", 0.5, 1.2, d.percentile(0.5), 1e-15);
    check(
        "lognormal P90",
        0.9,
        1.2 * (0.25 * z90).exp(),
        d.percentile(0.9),
        1e-14,
    );
    check(
        "lognormal P10",
        0.1,
        1.2 * (-0.25 * z90).exp(),
        d.percentile(0.1),
        1e-14,
    );
    // Mean m e^{σ²/2}, variance m² e^{σ²}(e^{σ²} - 1).
    check(
        "lognormal mean",
        &d,
        1.2 * (0.03125f64).exp(),
        d.mean(),
        1e-15,
    );
    let v = 1.44 * 0.0625f64.exp() * 0.0625f64.exp_m1();
    check("lognormal variance", &d, v, d.variance(), 1e-15);
    check("lognormal cdf at the median", &d, 0.5, d.cdf(1.2), 1e-15);
}

#[test]
fn discrete_quantiles_cdf_and_mass() {
    let sorted = Dist::Discrete(vec![(0.8, 0.25), (1.0, 0.5), (1.3, 0.25)]);
    let shuffled = Dist::Discrete(vec![(1.3, 0.25), (0.8, 0.25), (1.0, 0.5)]);
    for d in [&sorted, &shuffled] {
        // The smallest value whose cumulative probability reaches u.
        for (u, expected) in [
            (0.0, 0.8),
            (0.1, 0.8),
            (0.25, 0.8),
            (0.250_001, 1.0),
            (0.75, 1.0),
            (0.750_001, 1.3),
            (1.0, 1.3),
        ] {
            check("discrete quantile", u, expected, d.quantile(u), 0.0);
        }
        for (x, expected) in [
            (0.7, 0.0),
            (0.8, 0.25),
            (0.9, 0.25),
            (1.0, 0.75),
            (2.0, 1.0),
        ] {
            check("discrete cdf", x, expected, d.cdf(x), 1e-15);
        }
        check("discrete mass", 1.0, 0.5, d.density(1.0), 0.0);
        check(
            "discrete mass between values",
            0.9,
            0.0,
            d.density(0.9),
            0.0,
        );
        // 0.2 + 0.5 + 0.325 = 1.025; variance 0.25·0.225² + 0.5·0.025² + 0.25·0.275².
        check("discrete mean", d, 1.025, d.mean(), 1e-15);
        let v = 0.25 * 0.225f64.powi(2) + 0.5 * 0.025f64.powi(2) + 0.25 * 0.275f64.powi(2);
        check("discrete variance", d, v, d.variance(), 1e-15);
    }
    assert_eq!(
        shuffled.density_curve(50),
        vec![[0.8, 0.25], [1.0, 0.5], [1.3, 0.25]]
    );
}

#[test]
fn fixed_and_uniform() {
    let f = Dist::Fixed(1.1);
    assert_eq!(
        (f.quantile(0.0), f.quantile(0.7), f.mean(), f.sd()),
        (1.1, 1.1, 1.1, 0.0)
    );
    assert_eq!((f.cdf(1.0), f.cdf(1.1)), (0.0, 1.0));
    let u = Dist::Uniform {
        low: 0.8,
        high: 1.2,
    };
    check("uniform quantile", 0.25, 0.9, u.quantile(0.25), 1e-15);
    check("uniform sd", &u, 0.4 / 12f64.sqrt(), u.sd(), 1e-15);
    check("uniform density", 1.0, 2.5, u.density(1.0), 1e-14);
}

#[test]
fn quantile_and_cdf_invert_each_other() {
    let dists = [
        Dist::Uniform {
            low: 0.8,
            high: 1.2,
        },
        tri(0.6, 1.0, 1.3),
        tri(1.0, 1.0, 2.0),
        tri(0.0, 2.0, 2.0),
        pert(0.9, 1.05, 1.6),
        pert(1.0, 1.0, 3.0),
        pert(1.0, 3.0, 3.0),
        Dist::Normal { mean: 1.0, sd: 0.3 },
        Dist::Normal { mean: 0.2, sd: 1.0 },
        Dist::Lognormal {
            median: 1.0,
            sigma: 0.5,
        },
    ];
    for d in &dists {
        assert_eq!(d.validate(), Ok(()), "{d:?}");
        for i in 1..1000 {
            let u = f64::from(i) / 1000.0;
            let x = d.quantile(u);
            check("cdf(quantile(u))", (d, u), u, d.cdf(x), 1e-12);
        }
    }
}

#[test]
fn prepared_distributions_give_the_same_numbers() {
    let dists = [
        Dist::Fixed(1.0),
        Dist::Uniform {
            low: 0.8,
            high: 1.2,
        },
        tri(0.6, 1.0, 1.3),
        pert(0.9, 1.05, 1.6),
        Dist::Normal { mean: 0.5, sd: 1.0 },
        Dist::Lognormal {
            median: 1.0,
            sigma: 0.5,
        },
        Dist::Discrete(vec![(1.3, 0.25), (0.8, 0.25), (1.0, 0.5)]),
        pert(1.2, 1.0, 0.9), // invalid: repaired the same way
    ];
    for d in &dists {
        let p = d.prepare();
        for t in 0..2_000 {
            let u = uniform(SEED, t, 0, 0);
            assert_eq!(
                p.quantile(u).to_bits(),
                d.quantile(u).to_bits(),
                "{d:?} at {u}"
            );
            assert_eq!(p.sample(SEED, t, 1, 2), d.sample(SEED, t, 1, 2), "{d:?}");
        }
    }
}

#[test]
fn densities_integrate_to_their_display_mass() {
    // Trapezoid rule over density_curve(2001): the mass inside
    // display_range, which is 1 for bounded supports, 0.998 for the
    // lognormal (0.001 .. 0.999 quantiles) and Φ(4)-ish for the normal.
    for d in [
        Dist::Uniform {
            low: 0.8,
            high: 1.2,
        },
        tri(0.6, 1.0, 1.3),
        pert(0.9, 1.05, 1.6),
        pert(1.0, 1.0, 3.0),
        Dist::Normal { mean: 1.0, sd: 0.3 },
        Dist::Lognormal {
            median: 1.0,
            sigma: 0.5,
        },
    ] {
        let curve = d.density_curve(2001);
        assert_eq!(curve.len(), 2001);
        let area: f64 = curve
            .windows(2)
            .map(|w| 0.5 * (w[1][0] - w[0][0]) * (w[0][1] + w[1][1]))
            .sum();
        let (from, to) = d.display_range();
        let expected = d.cdf(to) - d.cdf(from);
        check("density area", &d, expected, area, 1e-4);
    }
}

// ---------------------------------------------------------------------------
// Draws against moments
// ---------------------------------------------------------------------------

#[test]
fn draws_match_mean_and_sd() {
    // 200,000 draws of quantile(uniform(SEED, trial, stream, 0)) per
    // distribution; mean within 4 standard errors (sd/√n) and sd within 4
    // standard errors of the sd (√((m4 - s⁴)/n) / (2s), m4 the sample
    // fourth central moment).
    const N: u64 = 200_000;
    let dists = [
        Dist::Uniform {
            low: 0.8,
            high: 1.2,
        },
        tri(0.6, 1.0, 1.3),
        pert(0.9, 1.05, 1.6),
        Dist::Normal { mean: 1.0, sd: 0.3 },
        Dist::Normal { mean: 0.5, sd: 1.0 },
        Dist::Lognormal {
            median: 1.0,
            sigma: 0.25,
        },
        Dist::Discrete(vec![(0.8, 0.25), (1.0, 0.5), (1.3, 0.25)]),
    ];
    for (stream, d) in dists.iter().enumerate() {
        let draws: Vec<f64> = (0..N)
            .map(|t| d.sample(SEED, t, stream as u64, 0))
            .collect();
        let n = N as f64;
        let mean = draws.iter().sum::<f64>() / n;
        let var = draws.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (n - 1.0);
        let m4 = draws.iter().map(|x| (x - mean).powi(4)).sum::<f64>() / n;
        let sd = var.sqrt();
        let se_mean = d.sd() / n.sqrt();
        let se_sd = ((m4 - var * var) / n).sqrt() / (2.0 * sd);
        check("sample mean", (d, SEED), d.mean(), mean, 4.0 * se_mean);
        check("sample sd", (d, SEED), d.sd(), sd, 4.0 * se_sd);
        assert!(draws.iter().all(|x| x.is_finite() && *x >= 0.0), "{d:?}");
    }
}

#[test]
fn standard_normal_draws_match_their_moments() {
    // 1,000,000 draws of Φ⁻¹(uniform): mean within 4/√n, variance within
    // 4·√(2/n), P(Z ≤ 1.959963984540054) within 4·√(0.975·0.025/n).
    let n = 1_000_000u64;
    let (mut s, mut s2, mut below) = (0.0, 0.0, 0u64);
    for t in 0..n {
        let z = standard_normal(uniform(SEED, t, 99, 7));
        s += z;
        s2 += z * z;
        below += u64::from(z <= 1.959_963_984_540_054);
    }
    let nf = n as f64;
    check("normal mean", SEED, 0.0, s / nf, 4.0 / nf.sqrt());
    check(
        "normal variance",
        SEED,
        1.0,
        s2 / nf - (s / nf).powi(2),
        4.0 * (2.0 / nf).sqrt(),
    );
    let p = below as f64 / nf;
    check(
        "P(Z ≤ z_0.975)",
        SEED,
        0.975,
        p,
        4.0 * (0.975 * 0.025 / nf).sqrt(),
    );
}

// ---------------------------------------------------------------------------
// Validation and hostile parameters
// ---------------------------------------------------------------------------

#[test]
fn validate_names_each_problem() {
    use DistProblem as P;
    let cases: Vec<(Dist, Result<(), DistProblem>)> = vec![
        (Dist::Fixed(1.0), Ok(())),
        (Dist::Fixed(0.0), Ok(())),
        (Dist::Fixed(-0.1), Err(P::Negative(Param::Value))),
        (Dist::Fixed(f64::NAN), Err(P::NotFinite(Param::Value))),
        (
            Dist::Uniform {
                low: 1.2,
                high: 0.8,
            },
            Err(P::LowAboveHigh),
        ),
        (
            Dist::Uniform {
                low: 1.0,
                high: 1.0,
            },
            Err(P::EmptyRange),
        ),
        (
            Dist::Uniform {
                low: -1.0,
                high: 1.0,
            },
            Err(P::Negative(Param::Low)),
        ),
        (tri(0.6, 1.0, 1.3), Ok(())),
        (tri(1.0, 1.0, 1.3), Ok(())),
        (tri(1.1, 1.0, 1.3), Err(P::LowAboveMode)),
        (tri(0.6, 1.4, 1.3), Err(P::ModeAboveHigh)),
        (tri(1.0, 1.0, 1.0), Err(P::EmptyRange)),
        (tri(0.6, f64::INFINITY, 1.3), Err(P::NotFinite(Param::Mode))),
        (pert(0.9, 1.05, 1.6), Ok(())),
        (pert(-0.1, 1.05, 1.6), Err(P::Negative(Param::Low))),
        (pert(0.9, 0.8, 1.6), Err(P::LowAboveMode)),
        (pert(0.9, 1.05, f64::NAN), Err(P::NotFinite(Param::High))),
        (Dist::Normal { mean: 1.0, sd: 0.0 }, Err(P::SdNotPositive)),
        (
            Dist::Normal {
                mean: 1.0,
                sd: -0.2,
            },
            Err(P::SdNotPositive),
        ),
        (
            Dist::Normal {
                mean: -1.0,
                sd: 0.2,
            },
            Err(P::Negative(Param::Mean)),
        ),
        (
            Dist::Lognormal {
                median: 0.0,
                sigma: 0.2,
            },
            Err(P::MedianNotPositive),
        ),
        (
            Dist::Lognormal {
                median: 1.0,
                sigma: 0.0,
            },
            Err(P::SigmaNotPositive),
        ),
        (
            Dist::Lognormal {
                median: 1.0,
                sigma: f64::NAN,
            },
            Err(P::NotFinite(Param::Sigma)),
        ),
        (Dist::Discrete(vec![]), Err(P::EmptyDiscrete)),
        (Dist::Discrete(vec![(1.0, 0.5), (2.0, 0.5)]), Ok(())),
        (Dist::Discrete(vec![(1.0, 0.5), (2.0, 0.5 + 1e-10)]), Ok(())),
        (
            Dist::Discrete(vec![(1.0, 0.5), (2.0, 0.6)]),
            Err(P::ProbabilitiesDoNotSumToOne { sum: 0.5 + 0.6 }),
        ),
        (
            Dist::Discrete(vec![(1.0, 1.5), (2.0, -0.5)]),
            Err(P::NegativeProbability(1)),
        ),
        (
            Dist::Discrete(vec![(1.0, 0.5), (-2.0, 0.5)]),
            Err(P::Negative(Param::DiscreteValue(1))),
        ),
        (
            Dist::Discrete(vec![(1.0, f64::NAN)]),
            Err(P::NotFinite(Param::Probability(0))),
        ),
    ];
    for (d, expected) in cases {
        assert_eq!(d.validate(), expected, "{d:?}");
    }
}

#[test]
fn invalid_distributions_never_give_nan_or_infinity() {
    let bad = [
        f64::NAN,
        f64::INFINITY,
        f64::NEG_INFINITY,
        -1.0,
        0.0,
        1e308,
        -1e308,
        5e-324,
    ];
    let mut dists = Vec::new();
    for &a in &bad {
        dists.push(Dist::Fixed(a));
        dists.push(Dist::Normal { mean: a, sd: 1.0 });
        dists.push(Dist::Normal { mean: 1.0, sd: a });
        dists.push(Dist::Lognormal {
            median: a,
            sigma: 0.5,
        });
        dists.push(Dist::Lognormal {
            median: 1.0,
            sigma: a,
        });
        dists.push(Dist::Discrete(vec![(a, 0.5), (1.0, a)]));
        for &b in &bad {
            dists.push(Dist::Uniform { low: a, high: b });
            dists.push(tri(a, 1.0, b));
            dists.push(tri(0.5, a, b));
            dists.push(pert(a, 1.0, b));
            dists.push(pert(0.5, a, b));
        }
    }
    dists.push(Dist::Discrete(vec![]));
    dists.push(Dist::Normal {
        mean: -40.0,
        sd: 1.0,
    });
    dists.push(Dist::Lognormal {
        median: 1.0,
        sigma: 800.0,
    });
    let us = [f64::NAN, -1.0, 0.0, 1e-300, 0.3, 0.5, 1.0 - 1e-16, 1.0, 2.0];
    for d in &dists {
        let mut values = vec![d.mean(), d.variance(), d.sd()];
        let (from, to) = d.display_range();
        assert!(from < to, "{d:?}: display range {from} .. {to}");
        values.extend([from, to]);
        for &u in &us {
            values.extend([d.quantile(u), d.cdf(u), d.density(u)]);
        }
        values.extend(d.density_curve(7).iter().flatten());
        assert!(values.iter().all(|v| v.is_finite()), "{d:?}: {values:?}");
    }
}

// ---------------------------------------------------------------------------
// Iman–Conover
// ---------------------------------------------------------------------------

/// N = 20,000 independent draws of each marginal, driver d on stream d.
fn draws(marginals: &[Dist], n: u64) -> Vec<Vec<f64>> {
    marginals
        .iter()
        .enumerate()
        .map(|(d, dist)| (0..n).map(|t| dist.sample(SEED, t, d as u64, 0)).collect())
        .collect()
}

fn sorted(v: &[f64]) -> Vec<f64> {
    let mut v = v.to_vec();
    v.sort_by(f64::total_cmp);
    v
}

fn marginals() -> Vec<Dist> {
    vec![
        tri(0.6, 1.0, 1.3),
        Dist::Lognormal {
            median: 1.0,
            sigma: 0.3,
        },
        Dist::Normal { mean: 1.0, sd: 0.2 },
    ]
}

#[test]
fn iman_conover_hits_each_target_and_keeps_the_marginals() {
    // N = 20,000, seed SEED: every Spearman correlation within ±0.02 of its
    // target (a sampling sd of about (1 - ρ²)/√N ≈ 0.005 remains).
    const N: u64 = 20_000;
    let pair = |r: f64| vec![vec![1.0, r], vec![r, 1.0]];
    let three = vec![
        vec![1.0, 0.6, 0.3],
        vec![0.6, 1.0, -0.2],
        vec![0.3, -0.2, 1.0],
    ];
    type Case = (&'static str, Vec<Vec<f64>>, Vec<Dist>);
    let cases: Vec<Case> = vec![
        (
            "0.6: triangular, lognormal",
            pair(0.6),
            marginals()[..2].to_vec(),
        ),
        (
            "-0.4: lognormal, normal",
            pair(-0.4),
            marginals()[1..].to_vec(),
        ),
        ("3x3", three, marginals()),
    ];
    for (name, target, marg) in cases {
        let original = draws(&marg, N);
        let mut columns = original.clone();
        impose_rank_correlation(&mut columns, &target, SEED).unwrap();
        for i in 0..columns.len() {
            assert_eq!(
                sorted(&columns[i]),
                sorted(&original[i]),
                "{name}: column {i}"
            );
            for j in 0..i {
                let r = spearman(&columns[i], &columns[j]);
                eprintln!("{name}: ({i}, {j}) target {} spearman {r:.4}", target[i][j]);
                check("spearman", (name, i, j), target[i][j], r, 0.02);
            }
        }
    }
}

#[test]
fn iman_conover_is_reproducible_from_its_seed() {
    let original = draws(&marginals(), 2_000);
    let target = vec![
        vec![1.0, 0.5, 0.0],
        vec![0.5, 1.0, 0.0],
        vec![0.0, 0.0, 1.0],
    ];
    let mut a = original.clone();
    let mut b = original.clone();
    impose_rank_correlation(&mut a, &target, 42).unwrap();
    impose_rank_correlation(&mut b, &target, 42).unwrap();
    assert_eq!(a, b);
    let mut c = original.clone();
    impose_rank_correlation(&mut c, &target, 43).unwrap();
    assert_ne!(a[0], c[0]);
    // Driver 2 is correlated with nothing: left in its original order.
    assert_eq!(a[2], original[2]);
}

#[test]
fn iman_conover_leaves_an_identity_target_alone() {
    let original = draws(&marginals(), 1_000);
    let mut columns = original.clone();
    let identity = vec![
        vec![1.0, 0.0, 0.0],
        vec![0.0, 1.0, 0.0],
        vec![0.0, 0.0, 1.0],
    ];
    impose_rank_correlation(&mut columns, &identity, SEED).unwrap();
    assert_eq!(columns, original);
    // Nothing to do for 0 or 1 rows either.
    let mut tiny = vec![vec![1.0], vec![2.0]];
    impose_rank_correlation(&mut tiny, &[vec![1.0, 0.5], vec![0.5, 1.0]], SEED).unwrap();
    assert_eq!(tiny, vec![vec![1.0], vec![2.0]]);
}

#[test]
fn iman_conover_falls_back_to_the_spearman_matrix_itself() {
    // R = [[1, .7, .7], [.7, 1, 0], [.7, 0, 1]] is positive definite
    // (smallest eigenvalue 0.0101) but the normal-score matrix 2 sin(πR/6)
    // is not (smallest eigenvalue -0.0136; numpy.linalg.eigvalsh). R itself
    // is then used as the Pearson target, so the rank correlations come out
    // at (6/π) arcsin(0.35) = 0.681 rather than 0.7: tolerance 0.035.
    let r = vec![
        vec![1.0, 0.7, 0.7],
        vec![0.7, 1.0, 0.0],
        vec![0.7, 0.0, 1.0],
    ];
    let original = draws(&marginals(), 20_000);
    let mut columns = original.clone();
    impose_rank_correlation(&mut columns, &r, SEED).unwrap();
    for i in 0..3 {
        assert_eq!(sorted(&columns[i]), sorted(&original[i]), "column {i}");
        for j in 0..i {
            let s = spearman(&columns[i], &columns[j]);
            eprintln!("fallback: ({i}, {j}) target {} spearman {s:.4}", r[i][j]);
            check("spearman (fallback)", (i, j), r[i][j], s, 0.035);
        }
    }
}

#[test]
fn a_matrix_that_is_not_positive_definite_names_a_pair() {
    // ρ01 = 0.9, ρ02 = 0.9, ρ12 = -0.9: no single correlation set to 0
    // repairs it, so the blame goes to the largest |ρ| in the row where the
    // factorisation fails (row 2; a tie between (2,0) and (2,1) goes to the
    // lower index).
    let m = vec![
        vec![1.0, 0.9, 0.9],
        vec![0.9, 1.0, -0.9],
        vec![0.9, -0.9, 1.0],
    ];
    let expected = NotPositiveDefinite {
        i: 0,
        j: 2,
        fault: MatrixFault::NotPositiveDefinite,
    };
    assert_eq!(cholesky(&m), Err(expected));
    let original = draws(&marginals(), 500);
    let mut columns = original.clone();
    assert_eq!(
        impose_rank_correlation(&mut columns, &m, SEED),
        Err(expected)
    );
    assert_eq!(columns, original, "columns are untouched on error");

    // ρ01 = 0.9, ρ02 = 0.9, ρ12 = 0.2: setting ρ01 (the first of the two
    // largest) to 0 gives det = 0.96 - 0.81 = 0.15 > 0, so (0, 1) is blamed.
    let m = vec![
        vec![1.0, 0.9, 0.9],
        vec![0.9, 1.0, 0.2],
        vec![0.9, 0.2, 1.0],
    ];
    let expected = NotPositiveDefinite {
        i: 0,
        j: 1,
        fault: MatrixFault::NotPositiveDefinite,
    };
    assert_eq!(cholesky(&m), Err(expected));

    // Two drivers that are one (ρ = 1) are rejected too.
    let m = vec![vec![1.0, 1.0], vec![1.0, 1.0]];
    assert_eq!(
        cholesky(&m),
        Err(NotPositiveDefinite {
            i: 0,
            j: 1,
            fault: MatrixFault::NotPositiveDefinite
        })
    );
}

#[test]
fn malformed_targets_are_errors_not_panics() {
    let mut columns = draws(&marginals()[..2], 100);
    let cases = [
        (vec![vec![1.0, 0.5]], MatrixFault::Shape),
        (vec![vec![1.0, 0.5], vec![0.5]], MatrixFault::Shape),
        (
            vec![vec![1.0, 1.5], vec![1.5, 1.0]],
            MatrixFault::OutOfRange,
        ),
        (
            vec![vec![1.0, 0.5], vec![0.4, 1.0]],
            MatrixFault::Asymmetric,
        ),
        (
            vec![vec![1.0, f64::NAN], vec![f64::NAN, 1.0]],
            MatrixFault::NotFinite,
        ),
    ];
    for (target, fault) in cases {
        let e = impose_rank_correlation(&mut columns, &target, SEED).unwrap_err();
        assert_eq!(e.fault, fault, "{target:?}");
    }
    columns[1].pop();
    let e = impose_rank_correlation(&mut columns, &[vec![1.0, 0.5], vec![0.5, 1.0]], SEED);
    assert_eq!(
        e,
        Err(NotPositiveDefinite {
            i: 1,
            j: 99,
            fault: MatrixFault::ColumnLength
        })
    );
}

#[test]
fn spearman_with_ties_by_hand() {
    // x = 1 2 2 3 → ranks 1, 2.5, 2.5, 4; y = 1 2 3 4 → ranks 1 2 3 4.
    // Deviations from 2.5: x (-1.5, 0, 0, 1.5), y (-1.5, -0.5, 0.5, 1.5);
    // Σdxdy = 4.5, Σdx² = 4.5, Σdy² = 5: ρ = 4.5/√22.5 = 0.9486832980505138.
    let r = spearman(&[1.0, 2.0, 2.0, 3.0], &[1.0, 2.0, 3.0, 4.0]);
    check(
        "spearman with ties",
        "1 2 2 3 / 1 2 3 4",
        4.5 / 22.5f64.sqrt(),
        r,
        1e-15,
    );
}

// ---------------------------------------------------------------------------
// Log-OU path
// ---------------------------------------------------------------------------

#[test]
fn log_ou_variance_and_autocorrelation() {
    // 100,000 paths of 42 years, half-life 3 years, σ = 0.25, shocks
    // Φ⁻¹(uniform(SEED, path, 0, year)). Var(Y_t) = σ²(1 - e^{-2κt})/(2κ)
    // within 3% at t = 1, 5, 20 (the sampling sd of a variance is
    // √(2/n) = 0.45%); the lag-1 autocorrelation of Y_40, Y_41 (stationary:
    // e^{-2κ·40} = 2^{-26.7}) within 0.01 of e^{-κ} = 2^{-1/3} (sampling sd
    // (1 - ρ²)/√n ≈ 0.0012).
    const PATHS: u64 = 100_000;
    const YEARS: usize = 42;
    let (half_life, sigma) = (3.0, 0.25);
    let kappa = std::f64::consts::LN_2 / half_life;
    let mut out = [0.0; YEARS];
    let mut sum = [0.0; YEARS];
    let mut sum2 = [0.0; YEARS];
    let mut cross = 0.0;
    for p in 0..PATHS {
        let normals = (1..YEARS as u64).map(|year| standard_normal(uniform(SEED, p, 0, year)));
        log_ou_path(1.0, half_life, sigma, normals, &mut out);
        for (t, m) in out.iter().enumerate() {
            let y = m.ln();
            sum[t] += y;
            sum2[t] += y * y;
        }
        cross += out[40].ln() * out[41].ln();
    }
    let n = PATHS as f64;
    let var = |t: usize| sum2[t] / n - (sum[t] / n).powi(2);
    assert_eq!(var(0), 0.0, "the first year is the level");
    for t in [1usize, 5, 20] {
        let expected = sigma * sigma * (1.0 - (-2.0 * kappa * t as f64).exp()) / (2.0 * kappa);
        check(
            "log_ou_variance",
            t,
            expected,
            log_ou_variance(half_life, sigma, t as u32),
            1e-15,
        );
        eprintln!("Var(Y_{t}): expected {expected:.6}, sample {:.6}", var(t));
        check("Var(Y_t)", (t, SEED), expected, var(t), 0.03 * expected);
    }
    let cov = cross / n - (sum[40] / n) * (sum[41] / n);
    let rho = cov / (var(40) * var(41)).sqrt();
    eprintln!(
        "lag-1 autocorrelation: expected {:.5}, sample {rho:.5}",
        (-kappa).exp()
    );
    check("lag-1 autocorrelation", SEED, (-kappa).exp(), rho, 0.01);
}
