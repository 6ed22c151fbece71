//! Risk sampling: counter-based uniforms ([`rng`]), the input distributions ([`dist::Dist`]), rank correlation by Iman–Conover ([`correlate`]) and the mean-reverting price path ([`path`]).

pub mod correlate;
pub mod dist;
pub mod path;
pub mod rng;
