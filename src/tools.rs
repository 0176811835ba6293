//! The tools the page runs in its second, lazily loaded module (the tools worker): deployment
//! exports, CSV tables, the VNet import and the Service Tags import, as plain data — a
//! [`Request`] in, a [`Response`] out, each wrapped in an [`Envelope`] that carries the
//! request's id so that the page can show only the latest answer.
//!
//! Everything arrives as text (the design as its JSON, files as text or base64) and leaves as
//! text: nothing here touches a browser, and a request that cannot be served becomes a
//! [`Response::Refused`] with a message for people, never a panic.
//!
//! ```
//! use ise_planner::tools::{handle, Request, Response};
//! let design_json = ise_planner::Design::default().to_json();
//! let request = Request::Export { format: "bicep".into(), design_json, target: Default::default() };
//! let Response::Files { files } = handle(request) else { panic!("an export") };
//! assert_eq!(files[0].name, "main.bicep");
//! ```

use base64::Engine;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::design::{DependencyAddresses, Design, GovernmentAddresses};
use crate::export::standard::tables::StandardTable;
use crate::export::tables::PlanTable;
use crate::export::{csv, standard, Format};
use crate::import::service_tags::ServiceTags;
use crate::import::{decode_text, vnet};
use crate::ise::plan::plan;

/// A file as the page hands it over: text pasted, or a chosen file's bytes in base64 (so
/// that UTF-16 from Windows PowerShell is decoded here, like the CLI does).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum FileInput {
    Text(String),
    Base64(String),
}

/// Which plan an export or CSV request is for: the ISE's (what a request without `target`
/// means), or the Logic Apps Standard network that replaces it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum ExportTarget {
    #[default]
    Ise,
    Standard,
}

impl ExportTarget {
    fn is_ise(&self) -> bool {
        *self == ExportTarget::Ise
    }
}

/// What the page asks the tools worker for. `design_json` is the design being edited, as
/// [`Design::to_json`] writes it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", rename_all_fields = "camelCase")]
pub enum Request {
    /// A deployment file: `format` is one of `arm`, `bicep`, `terraform`, `azcli`,
    /// `powershell` (the CLI's `--emit` names), for `target` (absent: the ISE). Answered with
    /// one file.
    Export {
        format: String,
        design_json: String,
        #[serde(default, skip_serializing_if = "ExportTarget::is_ise")]
        target: ExportTarget,
    },
    /// Tables as CSV: each of `tables` is one of the target's `--table` names (the ISE's
    /// `subnets`, `inbound`, `outbound`, `routes`; the Standard plan's `private-endpoints`,
    /// `dns-zones`, …). Answered with one file per table, in the order asked.
    Csv {
        tables: Vec<String>,
        design_json: String,
        #[serde(default, skip_serializing_if = "ExportTarget::is_ise")]
        target: ExportTarget,
    },
    /// An existing virtual network (`az network vnet show`…) into the design. Answered with
    /// the new design, or refused with the import's message.
    ImportVnet {
        file: FileInput,
        design_json: String,
    },
    /// Azure's Service Tags file: the dependency addresses (and Azure Government's
    /// replacement addresses) for the design's region and cloud.
    ImportServiceTags {
        file: FileInput,
        design_json: String,
    },
    /// The Logic Apps Standard plan of the design, as the page shows it (the Standard
    /// planner runs here, never in the page's first load).
    StandardView { design_json: String },
}

/// A table as the page shows it: a header row and rows of text; the last two columns are the
/// articles a row follows and their addresses (`Article`, `Article URL`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ViewTable {
    /// The command-line name (`private-endpoints`), also the section's id on the page.
    pub name: String,
    pub title: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

impl ViewTable {
    /// Tab-separated text, as the page copies its own tables.
    pub fn to_tsv(&self) -> String {
        crate::export::tables::tsv(&self.header_strs(), &self.rows)
    }

    /// Escaped HTML, as the page copies its own tables.
    pub fn to_html(&self) -> String {
        crate::export::tables::html(&self.header_strs(), &self.rows)
    }

    /// The index of the column `header` names.
    pub fn column(&self, header: &str) -> Option<usize> {
        self.headers.iter().position(|h| h == header)
    }

    /// The cell of `row` under `header`; empty when the table has no such column.
    pub fn cell<'r>(&self, row: &'r [String], header: &str) -> &'r str {
        self.column(header)
            .and_then(|i| row.get(i))
            .map_or("", String::as_str)
    }

    fn header_strs(&self) -> Vec<&str> {
        self.headers.iter().map(String::as_str).collect()
    }
}

/// A finding as the page shows it, with its field's label.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ViewFinding {
    /// `error`, `warning` or `info`.
    pub severity: String,
    pub code: String,
    pub field: String,
    /// How the page labels the field ("Integration subnet size").
    pub label: String,
    pub message: String,
}

/// The Standard plan as the page shows it: its counts, its tables, its findings.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StandardView {
    /// Errors, warnings and notes.
    pub counts: [usize; 3],
    /// The Standard subnets first, then every other table with rows.
    pub tables: Vec<ViewTable>,
    pub findings: Vec<ViewFinding>,
}

/// One file to show, copy and download.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct File {
    /// The name people expect (`azuredeploy.json`, `nsg-inbound.csv`).
    pub name: String,
    /// Its content, ending with a line break — exactly what `ise-plan` prints.
    pub text: String,
}

/// The tools worker's answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", rename_all_fields = "camelCase")]
pub enum Response {
    /// The worker has loaded and takes requests (sent once, unasked).
    Ready,
    /// The files of an export or of CSV tables.
    Files { files: Vec<File> },
    /// A VNet import: the whole new design, what was imported and what was noted.
    VnetImported {
        design_json: String,
        summary: String,
        /// What produced the file, for people (`Azure CLI output (az network vnet show)`).
        source: String,
        notes: Vec<String>,
    },
    /// A Service Tags import: the lists to put into the design, and what was imported.
    ServiceTagsImported {
        dependency_addresses: DependencyAddresses,
        /// Filled only for a design in Azure Government.
        government_addresses: Option<GovernmentAddresses>,
        summary: String,
    },
    /// The Standard plan, as the page shows it.
    StandardView { view: StandardView },
    /// The request could not be served; the message says why and what to do.
    Refused { message: String },
    /// The worker stopped (an internal error); the page should start a new one.
    Failed { message: String },
}

/// A request or response with the id the page gave the request.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Envelope<T> {
    pub id: u32,
    pub body: T,
}

impl Envelope<Response> {
    /// Reads an answer from the JSON value its `Serialize` writes. Hand-written rather than
    /// derived: the page reads every answer, and a derived reader would add kilobytes to
    /// its first load, where the code that reads designs from values is already present.
    pub fn from_value(value: &Value) -> Option<Envelope<Response>> {
        let id = u32::try_from(value.get("id")?.as_u64()?).ok()?;
        let body = value.get("body")?;
        if body.as_str() == Some("ready") {
            return Some(Envelope {
                id,
                body: Response::Ready,
            });
        }
        let (kind, fields) = body.as_object()?.iter().next()?;
        let text = |key: &str| Some(fields.get(key)?.as_str()?.to_string());
        let body = match kind.as_str() {
            "files" => Response::Files {
                files: fields
                    .get("files")?
                    .as_array()?
                    .iter()
                    .map(|f| {
                        Some(File {
                            name: f.get("name")?.as_str()?.into(),
                            text: f.get("text")?.as_str()?.into(),
                        })
                    })
                    .collect::<Option<_>>()?,
            },
            "vnetImported" => Response::VnetImported {
                design_json: text("designJson")?,
                summary: text("summary")?,
                source: text("source")?,
                notes: crate::design::read::strings(fields.get("notes")?, "notes").ok()?,
            },
            "serviceTagsImported" => Response::ServiceTagsImported {
                dependency_addresses: crate::design::read::dependency_addresses(
                    fields.get("dependencyAddresses")?,
                    "dependencyAddresses",
                )
                .ok()?,
                government_addresses: match fields.get("governmentAddresses")? {
                    Value::Null => None,
                    g => Some(
                        crate::design::read::government_addresses(g, "governmentAddresses").ok()?,
                    ),
                },
                summary: text("summary")?,
            },
            "standardView" => Response::StandardView {
                view: standard_view_of(fields.get("view")?)?,
            },
            "refused" => Response::Refused {
                message: text("message")?,
            },
            "failed" => Response::Failed {
                message: text("message")?,
            },
            _ => return None,
        };
        Some(Envelope { id, body })
    }
}

/// Reads the [`StandardView`] its `Serialize` writes (hand-written, as [`Envelope::from_value`]).
fn standard_view_of(value: &Value) -> Option<StandardView> {
    let strings = |v: &Value| -> Option<Vec<String>> {
        v.as_array()?
            .iter()
            .map(|s| Some(s.as_str()?.to_string()))
            .collect()
    };
    let text = |v: &Value, key: &str| Some(v.get(key)?.as_str()?.to_string());
    let counts = value.get("counts")?.as_array()?;
    let count = |i: usize| usize::try_from(counts.get(i)?.as_u64()?).ok();
    let tables = value
        .get("tables")?
        .as_array()?
        .iter()
        .map(|t| {
            Some(ViewTable {
                name: text(t, "name")?,
                title: text(t, "title")?,
                headers: strings(t.get("headers")?)?,
                rows: t
                    .get("rows")?
                    .as_array()?
                    .iter()
                    .map(strings)
                    .collect::<Option<_>>()?,
            })
        })
        .collect::<Option<_>>()?;
    let findings = value
        .get("findings")?
        .as_array()?
        .iter()
        .map(|f| {
            Some(ViewFinding {
                severity: text(f, "severity")?,
                code: text(f, "code")?,
                field: text(f, "field")?,
                label: text(f, "label")?,
                message: text(f, "message")?,
            })
        })
        .collect::<Option<_>>()?;
    Some(StandardView {
        counts: [count(0)?, count(1)?, count(2)?],
        tables,
        findings,
    })
}

/// The Standard plan of `design` as the page shows it: the subnets' table always, the others
/// when they have rows.
pub fn standard_view(design: &Design) -> StandardView {
    let plan = crate::migrate::plan(design).standard;
    let tables = StandardTable::ALL
        .into_iter()
        .map(|t| (t, t.of(&plan)))
        .filter(|(t, table)| *t == StandardTable::Subnets || !table.rows.is_empty())
        .map(|(t, table)| ViewTable {
            name: t.name().into(),
            title: t.title().into(),
            headers: table.headers.iter().map(|h| h.to_string()).collect(),
            rows: table.rows,
        })
        .collect();
    let findings = plan
        .findings
        .iter()
        .map(|f| ViewFinding {
            severity: f.severity.as_str().into(),
            code: f.code.into(),
            field: f.field.clone(),
            label: crate::findings::field_labels::label_or_path(&f.field),
            message: f.message.clone(),
        })
        .collect();
    StandardView {
        counts: [plan.counts.errors, plan.counts.warnings, plan.counts.infos],
        tables,
        findings,
    }
}

/// The file names of the CSV tables.
pub fn csv_file_name(table: PlanTable) -> &'static str {
    match table {
        PlanTable::Subnets => "subnets.csv",
        PlanTable::Inbound => "nsg-inbound.csv",
        PlanTable::Outbound => "nsg-outbound.csv",
        PlanTable::Routes => "routes.csv",
    }
}

/// The export format of a CLI `--emit` name.
pub fn format_named(name: &str) -> Option<Format> {
    Some(match name {
        "arm" => Format::Arm,
        "bicep" => Format::Bicep,
        "terraform" => Format::Terraform,
        "azcli" => Format::AzCli,
        "powershell" => Format::PowerShell,
        _ => return None,
    })
}

/// The table of a CLI `--table` name.
pub fn table_named(name: &str) -> Option<PlanTable> {
    PlanTable::ALL.into_iter().find(|t| t.name() == name)
}

/// Serves one request.
pub fn handle(request: Request) -> Response {
    match serve(request) {
        Ok(response) => response,
        Err(message) => Response::Refused { message },
    }
}

/// Serves one request given as the JSON of an [`Envelope<Request>`]; the answer is the JSON
/// of an [`Envelope<Response>`] with the same id (0 when the envelope itself is unreadable).
pub fn handle_json(text: &str) -> String {
    let answer = match serde_json::from_str::<Envelope<Request>>(text) {
        Ok(Envelope { id, body }) => Envelope {
            id,
            body: handle(body),
        },
        Err(e) => Envelope {
            id: 0,
            body: Response::Refused {
                message: format!("the tools could not read the request ({e})"),
            },
        },
    };
    to_json(&answer)
}

/// What the worker sends if an answer could not be written: a `Failed` response, in the
/// shape `Serialize` gives it.
const UNWRITTEN: &str =
    r#"{"id":0,"body":{"failed":{"message":"the tools could not write their answer"}}}"#;

/// The JSON of an envelope (a response always serialises; the fallback is never expected).
pub fn to_json(envelope: &Envelope<Response>) -> String {
    serde_json::to_string(envelope).unwrap_or_else(|_| UNWRITTEN.into())
}

fn serve(request: Request) -> Result<Response, String> {
    match request {
        Request::Export {
            format,
            design_json,
            target,
        } => export(&format, &design_json, target),
        Request::Csv {
            tables,
            design_json,
            target: ExportTarget::Ise,
        } => ise_csv(&tables, &design_json),
        Request::Csv {
            tables,
            design_json,
            target: ExportTarget::Standard,
        } => standard_csv(&tables, &design_json),
        Request::ImportVnet { file, design_json } => {
            let mut design = read_design(&design_json)?;
            let result = match &file {
                FileInput::Text(text) => vnet::import(text, &mut design),
                FileInput::Base64(b64) => vnet::import_bytes(&from_base64(b64)?, &mut design),
            };
            let summary = result.map_err(|e| format!("The file was not imported: {e}"))?;
            Ok(Response::VnetImported {
                design_json: design.to_json(),
                summary: format!("{summary}."),
                source: summary.source.describe().into(),
                notes: summary.notes,
            })
        }
        Request::StandardView { design_json } => Ok(Response::StandardView {
            view: standard_view(&read_design(&design_json)?),
        }),
        Request::ImportServiceTags { file, design_json } => {
            let mut design = read_design(&design_json)?;
            let text = match file {
                FileInput::Text(text) => text,
                FileInput::Base64(b64) => decode_text(&from_base64(&b64)?).ok_or(
                    "The file was not imported: it is not text in UTF-8 or UTF-16; download ServiceTags_Public_*.json again",
                )?,
            };
            let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
            let tags =
                ServiceTags::parse(text).map_err(|e| format!("The file was not imported: {e}"))?;
            let summary = tags.import_into(&mut design);
            Ok(Response::ServiceTagsImported {
                government_addresses: summary.government.then_some(design.government_addresses),
                dependency_addresses: design.dependency_addresses,
                summary: summary.to_string(),
            })
        }
    }
}

/// One deployment file of `target`.
fn export(format: &str, design_json: &str, target: ExportTarget) -> Result<Response, String> {
    let format = format_named(format)
        .ok_or_else(|| format!("there is no export format named \"{format}\""))?;
    let design = read_design(design_json)?;
    let (name, text) = match target {
        ExportTarget::Ise => (format.file_name(), format.render(&design, &plan(&design))),
        ExportTarget::Standard => {
            let plan = crate::migrate::plan(&design).standard;
            (
                standard::file_name(format),
                standard::render(format, &design, &plan),
            )
        }
    };
    Ok(Response::Files {
        files: vec![File {
            name: name.into(),
            text: with_newline(text),
        }],
    })
}

/// The ISE plan's tables as CSV, one file per table, in the order asked.
fn ise_csv(tables: &[String], design_json: &str) -> Result<Response, String> {
    let tables = tables
        .iter()
        .map(|t| table_named(t).ok_or_else(|| format!("there is no table named \"{t}\"")))
        .collect::<Result<Vec<_>, _>>()?;
    let design = read_design(design_json)?;
    let plan = plan(&design);
    Ok(Response::Files {
        files: tables
            .into_iter()
            .map(|t| File {
                name: csv_file_name(t).into(),
                text: csv::plan_table(&plan, t),
            })
            .collect(),
    })
}

/// The Standard plan's tables as CSV, one file per table, in the order asked.
fn standard_csv(tables: &[String], design_json: &str) -> Result<Response, String> {
    let tables = tables
        .iter()
        .map(|t| {
            StandardTable::named(t)
                .ok_or_else(|| format!("there is no Standard table named \"{t}\""))
        })
        .collect::<Result<Vec<_>, _>>()?;
    let design = read_design(design_json)?;
    let plan = crate::migrate::plan(&design).standard;
    Ok(Response::Files {
        files: tables
            .into_iter()
            .map(|t| File {
                name: standard::csv::file_name(t),
                text: standard::csv::plan_table(&plan, t),
            })
            .collect(),
    })
}

fn read_design(json: &str) -> Result<Design, String> {
    Design::from_json(json).map_err(|e| format!("the design could not be read: {e}"))
}

fn from_base64(text: &str) -> Result<Vec<u8>, String> {
    base64::engine::general_purpose::STANDARD
        .decode(text)
        .map_err(|_| "the file did not arrive whole (not base64); choose it again".to_string())
}

/// Text files end with one line break, as `ise-plan` prints them.
fn with_newline(mut text: String) -> String {
    if !text.ends_with('\n') {
        text.push('\n');
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_unwritten_answer_reads_as_a_failure() {
        let value: Value = serde_json::from_str(UNWRITTEN).unwrap();
        let envelope = Envelope::from_value(&value).expect("the page reads it");
        assert!(
            matches!(envelope.body, Response::Failed { .. }),
            "{envelope:?}"
        );
        let failed = Envelope {
            id: 0,
            body: Response::Failed {
                message: "the tools could not write their answer".into(),
            },
        };
        assert_eq!(serde_json::to_string(&failed).unwrap(), UNWRITTEN);
    }

    #[test]
    fn a_view_table_cell_is_found_by_its_column() {
        let t = ViewTable {
            name: "subnets".into(),
            title: "Subnets".into(),
            headers: vec!["Name".into(), "Prefix".into()],
            rows: vec![vec!["a".into(), "10.0.0.0/26".into()], vec!["short".into()]],
        };
        assert_eq!(t.column("Prefix"), Some(1));
        assert_eq!(t.column("Delegation"), None);
        assert_eq!(t.cell(&t.rows[0], "Prefix"), "10.0.0.0/26");
        assert_eq!(
            t.cell(&t.rows[1], "Prefix"),
            "",
            "a short row has no cell there"
        );
        assert_eq!(t.cell(&t.rows[0], "Delegation"), "");
    }
    use crate::design::{Cloud, ForcedTunneling};

    const AZ_VNET_SHOW: &str = include_str!("../tests/fixtures/import/az-vnet-show.json");
    const POWERSHELL: &str = include_str!("../tests/fixtures/import/powershell-vnet.json");

    fn default_json() -> String {
        Design::default().to_json()
    }

    fn files(r: Response) -> Vec<File> {
        match r {
            Response::Files { files } => files,
            other => panic!("expected files, got {other:?}"),
        }
    }

    fn refused(r: Response) -> String {
        match r {
            Response::Refused { message } => message,
            other => panic!("expected a refusal, got {other:?}"),
        }
    }

    #[test]
    fn every_export_is_the_cli_text_with_its_file_name() {
        let design = Design::default();
        let plan = plan(&design);
        for (name, format) in [
            ("arm", Format::Arm),
            ("bicep", Format::Bicep),
            ("terraform", Format::Terraform),
            ("azcli", Format::AzCli),
            ("powershell", Format::PowerShell),
        ] {
            let got = files(handle(Request::Export {
                format: name.into(),
                design_json: default_json(),
                target: ExportTarget::Ise,
            }));
            assert_eq!(got.len(), 1);
            assert_eq!(got[0].name, format.file_name());
            assert_eq!(got[0].text, with_newline(format.render(&design, &plan)));
            assert!(got[0].text.ends_with('\n'));
        }
    }

    #[test]
    fn csv_tables_in_the_order_asked() {
        let plan = plan(&Design::default());
        let got = files(handle(Request::Csv {
            tables: vec![
                "routes".into(),
                "subnets".into(),
                "inbound".into(),
                "outbound".into(),
            ],
            design_json: default_json(),
            target: ExportTarget::Ise,
        }));
        let names: Vec<&str> = got.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "routes.csv",
                "subnets.csv",
                "nsg-inbound.csv",
                "nsg-outbound.csv"
            ]
        );
        assert_eq!(got[1].text, csv::plan_table(&plan, PlanTable::Subnets));
        assert!(got[2].text.starts_with("Priority,Name,Direction,"));
    }

    #[test]
    fn standard_files_are_the_clis_for_the_standard_target() {
        let design = Design::default();
        let plan = crate::migrate::plan(&design).standard;
        for format in Format::ALL {
            let name = ["arm", "bicep", "terraform", "azcli", "powershell"]
                .into_iter()
                .find(|n| format_named(n) == Some(format))
                .unwrap();
            let got = files(handle(Request::Export {
                format: name.into(),
                design_json: default_json(),
                target: ExportTarget::Standard,
            }));
            assert_eq!(got[0].name, standard::file_name(format));
            assert_eq!(
                got[0].text,
                with_newline(standard::render(format, &design, &plan))
            );
            assert!(
                got[0].text.contains("Logic Apps Standard network"),
                "{name}"
            );
        }
        let got = files(handle(Request::Csv {
            tables: vec!["private-endpoints".into(), "subnets".into()],
            design_json: default_json(),
            target: ExportTarget::Standard,
        }));
        let names: Vec<&str> = got.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(
            names,
            ["standard-private-endpoints.csv", "standard-subnets.csv"]
        );
        assert_eq!(
            got[0].text,
            standard::csv::plan_table(&plan, StandardTable::PrivateEndpoints)
        );
        // The ISE's table names are not the Standard plan's.
        let m = refused(handle(Request::Csv {
            tables: vec!["inbound".into()],
            design_json: default_json(),
            target: ExportTarget::Standard,
        }));
        assert!(m.contains("no Standard table named \"inbound\""), "{m}");
    }

    #[test]
    fn a_request_without_a_target_is_the_ises_and_reads_as_before() {
        let old = r#"{"id": 3, "body": {"export": {"format": "bicep", "designJson": "{}"}}}"#;
        let request: Envelope<Request> = serde_json::from_str(old).unwrap();
        assert_eq!(
            request.body,
            Request::Export {
                format: "bicep".into(),
                design_json: "{}".into(),
                target: ExportTarget::Ise
            }
        );
        let old_csv = r#"{"csv": {"tables": ["routes"], "designJson": "{}"}}"#;
        assert!(matches!(
            serde_json::from_str::<Request>(old_csv).unwrap(),
            Request::Csv {
                target: ExportTarget::Ise,
                ..
            }
        ));
        // The ISE's requests are written as before; the Standard target is named.
        assert_eq!(
            serde_json::to_value(&request.body).unwrap(),
            serde_json::json!({"export": {"format": "bicep", "designJson": "{}"}})
        );
        let standard = Request::Csv {
            tables: vec![],
            design_json: "{}".into(),
            target: ExportTarget::Standard,
        };
        assert_eq!(
            serde_json::to_value(&standard).unwrap(),
            serde_json::json!({"csv": {"tables": [], "designJson": "{}", "target": "standard"}})
        );
        let answer: Value = serde_json::from_str(&handle_json(
            &serde_json::to_string(&Envelope {
                id: 9,
                body: standard,
            })
            .unwrap(),
        ))
        .unwrap();
        assert_eq!(Envelope::from_value(&answer).map(|e| e.id), Some(9));
    }

    #[test]
    fn unknown_names_and_bad_designs_are_refused() {
        let m = refused(handle(Request::Export {
            format: "yaml".into(),
            design_json: default_json(),
            target: ExportTarget::Ise,
        }));
        assert!(m.contains("yaml"), "{m}");
        let m = refused(handle(Request::Csv {
            tables: vec!["subnets".into(), "nsg".into()],
            design_json: default_json(),
            target: ExportTarget::Ise,
        }));
        assert!(m.contains("\"nsg\""), "{m}");
        let m = refused(handle(Request::Export {
            format: "arm".into(),
            design_json: "{\"version\": 99}".into(),
            target: ExportTarget::Ise,
        }));
        assert!(m.starts_with("the design could not be read"), "{m}");
    }

    #[test]
    fn vnet_import_by_text_and_by_bytes() {
        let design = Design {
            name: "kept-ise".into(),
            ..Design::default()
        };
        let json = design.to_json();
        for file in [
            FileInput::Text(AZ_VNET_SHOW.into()),
            FileInput::Base64(base64::engine::general_purpose::STANDARD.encode(AZ_VNET_SHOW)),
        ] {
            let Response::VnetImported {
                design_json,
                summary,
                source,
                ..
            } = handle(Request::ImportVnet {
                file,
                design_json: json.clone(),
            })
            else {
                panic!("imported")
            };
            let mut expected = design.clone();
            let want = vnet::import(AZ_VNET_SHOW, &mut expected).unwrap();
            assert_eq!(Design::from_json(&design_json).unwrap(), expected);
            assert_eq!(summary, format!("{want}."));
            assert_eq!(source, "Azure CLI output (az network vnet show)");
            assert_eq!(expected.name, "kept-ise", "the ISE's own values are kept");
        }
    }

    #[test]
    fn powershell_utf16_arrives_as_bytes() {
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(POWERSHELL.encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let r = handle(Request::ImportVnet {
            file: FileInput::Base64(base64::engine::general_purpose::STANDARD.encode(utf16)),
            design_json: default_json(),
        });
        let Response::VnetImported { source, .. } = r else {
            panic!("imported: {r:?}")
        };
        assert!(source.starts_with("PowerShell output"), "{source}");
    }

    #[test]
    fn a_wrong_file_is_refused_with_the_imports_message() {
        for (file, expect) in [
            (
                FileInput::Text(default_json()),
                "this is an ISE Network Planner design",
            ),
            (FileInput::Text("<html>".into()), "this is not JSON"),
            (FileInput::Text("  ".into()), "the file is empty"),
            (FileInput::Base64("@@@".into()), "not base64"),
            (
                FileInput::Base64("//79".into()),
                "not text in UTF-8 or UTF-16",
            ),
        ] {
            let m = refused(handle(Request::ImportVnet {
                file,
                design_json: default_json(),
            }));
            assert!(m.contains(expect), "{m}");
        }
    }

    #[test]
    fn service_tags_fill_the_lists_for_the_region() {
        let tags = r#"{"values": [
            {"name": "AppServiceManagement", "properties": {"addressPrefixes": ["13.64.115.203/32", "2603:1000::/40"]}},
            {"name": "AzureConnectors.WestEurope", "properties": {"addressPrefixes": ["13.69.227.208/28"]}},
            {"name": "LogicApps.WestEurope", "properties": {"addressPrefixes": ["13.95.155.53/32"]}}
        ]}"#;
        let mut design = Design {
            location: "westeurope".into(),
            forced_tunneling: ForcedTunneling::Firewall,
            ..Design::default()
        };
        let r = handle(Request::ImportServiceTags {
            file: FileInput::Base64(
                base64::engine::general_purpose::STANDARD.encode(format!("\u{feff}{tags}")),
            ),
            design_json: design.to_json(),
        });
        let Response::ServiceTagsImported {
            dependency_addresses,
            government_addresses,
            summary,
        } = r
        else {
            panic!("imported: {r:?}")
        };
        assert_eq!(
            dependency_addresses.app_service_management,
            ["13.64.115.203/32"]
        );
        assert_eq!(dependency_addresses.connectors, ["13.69.227.208/28"]);
        assert_eq!(government_addresses, None);
        assert_eq!(summary, "Imported 3 dependency addresses for westeurope");

        design.cloud = Cloud::Government;
        design.location = "usgovvirginia".into();
        let r = handle(Request::ImportServiceTags {
            file: FileInput::Text(tags.into()),
            design_json: design.to_json(),
        });
        assert!(matches!(
            r,
            Response::ServiceTagsImported {
                government_addresses: Some(_),
                ..
            }
        ));
        let m = refused(handle(Request::ImportServiceTags {
            file: FileInput::Text("{}".into()),
            design_json: design.to_json(),
        }));
        assert!(m.contains("no service tags"), "{m}");
    }

    #[test]
    fn envelopes_keep_the_id() {
        let request = Envelope {
            id: 7,
            body: Request::Export {
                format: "azcli".into(),
                design_json: default_json(),
                target: ExportTarget::Ise,
            },
        };
        let answer: Envelope<Response> =
            serde_json::from_str(&handle_json(&serde_json::to_string(&request).unwrap())).unwrap();
        assert_eq!(answer.id, 7);
        assert_eq!(files(answer.body)[0].name, "deploy.sh");
        let answer: Envelope<Response> = serde_json::from_str(&handle_json("not json")).unwrap();
        assert_eq!(answer.id, 0);
        assert!(refused(answer.body).contains("could not read the request"));
        // The wire format the page and worker share.
        assert_eq!(
            serde_json::to_string(&Envelope {
                id: 1,
                body: Response::Ready
            })
            .unwrap(),
            r#"{"id":1,"body":"ready"}"#
        );
        assert_eq!(
            serde_json::to_value(Request::ImportVnet {
                file: FileInput::Text("x".into()),
                design_json: "{}".into()
            })
            .unwrap(),
            serde_json::json!({"importVnet": {"file": {"text": "x"}, "designJson": "{}"}})
        );
    }

    #[test]
    fn the_pages_reader_reads_every_answer_the_worker_writes() {
        let answers = [
            Response::Ready,
            Response::Files {
                files: vec![
                    File {
                        name: "main.tf".into(),
                        text: "a \"quoted\"\nline\n".into(),
                    },
                    File {
                        name: "routes.csv".into(),
                        text: String::new(),
                    },
                ],
            },
            Response::Files { files: vec![] },
            Response::VnetImported {
                design_json: default_json(),
                summary: "Imported VNet v.".into(),
                source: "an ARM template".into(),
                notes: vec!["one".into(), "two".into()],
            },
            Response::ServiceTagsImported {
                dependency_addresses: DependencyAddresses {
                    logic_apps: vec!["13.95.155.53/32".into()],
                    ..DependencyAddresses::default()
                },
                government_addresses: None,
                summary: "Imported 1".into(),
            },
            Response::ServiceTagsImported {
                dependency_addresses: DependencyAddresses::default(),
                government_addresses: Some(GovernmentAddresses {
                    logic_apps_inbound: vec!["1.2.3.4".into()],
                    ..GovernmentAddresses::default()
                }),
                summary: String::new(),
            },
            Response::Refused {
                message: "no".into(),
            },
            Response::Failed {
                message: "stopped".into(),
            },
            Response::StandardView {
                view: standard_view(&Design::default()),
            },
        ];
        for (id, body) in answers.into_iter().enumerate() {
            let envelope = Envelope {
                id: id as u32 * 1000,
                body,
            };
            let written: Value = serde_json::from_str(&to_json(&envelope)).unwrap();
            assert_eq!(Envelope::from_value(&written), Some(envelope.clone()));
            // The derived reader agrees.
            assert_eq!(
                serde_json::from_value::<Envelope<Response>>(written).unwrap(),
                envelope
            );
        }
        for junk in [
            serde_json::json!(null),
            serde_json::json!({"id": 1}),
            serde_json::json!({"id": -1, "body": "ready"}),
            serde_json::json!({"id": 1, "body": {"files": {"files": [{"name": 1}]}}}),
            serde_json::json!({"id": 1, "body": {"unknown": {}}}),
        ] {
            assert_eq!(Envelope::from_value(&junk), None, "{junk}");
        }
    }

    #[test]
    fn the_standard_view_is_the_standard_plan_as_tables() {
        let design = Design {
            dns_servers: vec!["10.1.0.4".into(), "10.1.0.5".into(), "10.1.0.6".into()],
            ..Design::default()
        };
        let answer = handle(Request::StandardView {
            design_json: design.to_json(),
        });
        let Response::StandardView { view } = answer else {
            panic!("{answer:?}");
        };
        let plan = crate::migrate::plan(&design).standard;
        assert_eq!(view.tables[0].name, "subnets");
        assert_eq!(view.tables[0].rows, StandardTable::Subnets.of(&plan).rows);
        assert!(view.tables.iter().all(|t| !t.rows.is_empty()));
        assert!(view.tables.iter().any(|t| t.name == "private-endpoints"));
        // Three DNS servers: the third cannot be carried, and the finding names its field.
        let third = view
            .findings
            .iter()
            .find(|f| f.code == crate::findings::code::DNS_SERVER_NOT_CARRIED)
            .expect("a finding about the third server");
        assert_eq!(third.severity, "warning");
        assert!(!third.label.is_empty());
        assert_eq!(view.counts[1], plan.counts.warnings);
        // A design that cannot be read is refused with the reason.
        assert!(matches!(
            handle(Request::StandardView {
                design_json: "{".into()
            }),
            Response::Refused { .. }
        ));
    }

    #[test]
    fn nothing_user_supplied_panics() {
        use proptest::prelude::*;
        proptest!(ProptestConfig::with_cases(64), |(text in ".{0,200}", b64 in "[A-Za-z0-9+/=]{0,64}")| {
            let _ = handle_json(&text);
            let _ = handle(Request::ImportVnet { file: FileInput::Text(text.clone()), design_json: default_json() });
            let _ = handle(Request::ImportServiceTags { file: FileInput::Text(text.clone()), design_json: default_json() });
            let _ = handle(Request::ImportVnet { file: FileInput::Base64(b64.clone()), design_json: default_json() });
            let _ = handle(Request::Export { format: "arm".into(), design_json: text.clone(), target: ExportTarget::Ise });
            let _ = handle(Request::Export { format: "azcli".into(), design_json: text.clone(), target: ExportTarget::Standard });
            let _ = handle(Request::Csv { tables: vec!["settings".into()], design_json: text, target: ExportTarget::Standard });
        });
    }
}
