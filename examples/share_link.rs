//! Makes and reads share links with the core's own codec (`share_link::encode`/`decode`), so
//! that the browser tests can check that a link the page makes reads natively and that a
//! natively made link opens in the page.
//!
//! ```sh
//! cargo run --example share_link -- encode < design.json     # prints the fragment (d1.…)
//! cargo run --example share_link -- decode < link.txt        # a URL or fragment in, the design JSON out
//! ```

use std::io::Read;
use std::process::ExitCode;

use ise_planner::design::share_link;
use ise_planner::design::Design;

fn main() -> ExitCode {
    let mode = std::env::args().nth(1).unwrap_or_default();
    let mut input = String::new();
    if let Err(e) = std::io::stdin().read_to_string(&mut input) {
        eprintln!("share_link: cannot read stdin: {e}");
        return ExitCode::from(2);
    }
    match mode.as_str() {
        "encode" => match Design::from_json(&input).map_err(|e| e.to_string()) {
            Ok(design) => match share_link::encode(&design) {
                Ok(fragment) => {
                    println!("{fragment}");
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("share_link: {e}");
                    ExitCode::from(1)
                }
            },
            Err(e) => {
                eprintln!("share_link: {e}");
                ExitCode::from(2)
            }
        },
        "decode" => {
            // A whole URL or just its fragment.
            let fragment = input.trim().rsplit('#').next().unwrap_or_default();
            match share_link::decode(fragment) {
                Ok(Some(loaded)) => {
                    println!("{}", loaded.design.to_json());
                    for path in loaded.dropped {
                        eprintln!("share_link: reset {path}");
                    }
                    ExitCode::SUCCESS
                }
                Ok(None) => {
                    eprintln!("share_link: not a share link");
                    ExitCode::from(1)
                }
                Err(e) => {
                    eprintln!("share_link: {e}");
                    ExitCode::from(1)
                }
            }
        }
        _ => {
            eprintln!("usage: share_link encode|decode < input");
            ExitCode::from(2)
        }
    }
}
