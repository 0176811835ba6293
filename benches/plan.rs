//! How long `ise_planner::plan` takes on a 10.0.0.0/8 VNet as the number of existing
//! subnets grows: 0, 1,000, 10,000 and 100,000.
//!
//! The existing subnets are every other /27 from the bottom of the VNet (10.0.0.0/27,
//! 10.0.0.64/27, …), so no aligned /25 is free until just above the last of them: the
//! allocator must walk every gap before it finds room for the four ISE subnets.
//!
//! Run with `cargo bench --bench plan`; the whole group takes about a minute.

use criterion::{black_box, criterion_group, criterion_main, BenchmarkId, Criterion};
use ise_planner::{plan, Design};
use std::net::Ipv4Addr;
use std::time::Duration;

const SIZES: [u32; 4] = [0, 1_000, 10_000, 100_000];

/// The default design on 10.0.0.0/8 with `n` existing /27 subnets, one every 64 addresses.
fn design(n: u32) -> Design {
    let mut d = Design {
        subscription_id: "f34b22a3-2202-4fb1-b040-1332bd928c84".into(),
        ..Design::default()
    };
    d.vnet.address_prefixes = vec!["10.0.0.0/8".into()];
    let base = u32::from(Ipv4Addr::new(10, 0, 0, 0));
    d.vnet.existing_subnets = (0..n)
        .map(|i| format!("{}/27", Ipv4Addr::from(base + i * 64)).into())
        .collect();
    d
}

fn bench_plan(c: &mut Criterion) {
    let mut group = c.benchmark_group("plan_10.0.0.0_8");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4));
    for n in SIZES {
        let d = design(n);
        // The benchmark measures a successful plan, not an error path.
        let p = plan(&d);
        assert!(!p.has_errors(), "{n} existing subnets: {:?}", p.findings);
        let want = Ipv4Addr::from(u32::from(Ipv4Addr::new(10, 0, 0, 0)) + n.div_ceil(2) * 128);
        assert_eq!(
            p.subnets[0].prefix.as_deref(),
            Some(format!("{want}/27").as_str()),
            "{n} existing subnets"
        );
        group.bench_with_input(BenchmarkId::new("existing_subnets", n), &d, |b, d| {
            b.iter(|| plan(black_box(d)))
        });
    }
    group.finish();
}

criterion_group!(benches, bench_plan);
criterion_main!(benches);
