//! The page: state lifted here (the design, in `state`'s reducer), the plan recomputed from
//! it on every edit, the *settled* plan findings and the status region follow
//! ([`settled`]), placement hints written back ([`placements`]), the autosave
//! ([`autosave`]), and the layout: network inputs beside the subnets and map first, then —
//! once that is on screen — routing and environment beside the rules, routes, exports,
//! checklist and findings.

mod autosave;
mod placements;
mod settled;
pub mod standard;

use std::rc::Rc;

use ise_planner::design::View;
use ise_planner::export::standard::tables::subnet_column as column;
use ise_planner::ise::routes::{Route, ServiceEndpoint};
use ise_planner::ise::{checklist::ChecklistItem, nsg::SecurityRule, rest::RestRequests};
use ise_planner::network::address_map::MapPrefix;
use ise_planner::tools::ExportTarget;
use ise_planner::{plan, Design, Finding, Plan};
use yew::prelude::*;

use crate::browser;
use crate::components::address_map::AddressMap;
use crate::components::checklist::{checklist, ChecklistProps};
use crate::components::environment_form::environment_form;
use crate::components::exports::ExportSection;
use crate::components::fields::FormProps;
use crate::components::findings_panel::{summary, FindingsPanel, SummaryProps};
use crate::components::network_form::network_form;
use crate::components::printed_inputs::{printed_inputs, PrintedProps};
use crate::components::routes_table::RoutesTable;
use crate::components::routing_form::RoutingForm;
use crate::components::rules_table::RulesTables;
use crate::components::safeguards::Safeguards;
use crate::components::standard_form::standard_form;
use crate::components::standard_plan::{
    is_subnets, standard_subnets, StandardSections, SubnetsProps as StandardSubnetsProps,
};
use crate::components::subnets_table::{subnets_table, SubnetsProps};
use crate::components::toolbar::Toolbar;
use crate::components::view_switch::view_switch;
use crate::state::{self, Action, Edit, Notice, PageState, Shared};

#[function_component]
pub fn App() -> Html {
    let state = use_reducer(state::initial);
    // Compared by identity: the reducer makes a new design only when an edit changed it.
    let design = Shared(state.design.clone());
    let live = Shared(use_memo(design.clone(), |d| plan(d)));
    let settled = settled::use_settled((design.clone(), live.clone()), state.typing);
    let refreshed = use_mut_ref(|| None::<Shared<Design>>);
    let explained_before = placements::use_placements(
        state.clone(),
        settled.pair.clone(),
        &design,
        refreshed.clone(),
    );
    let saved = autosave::use_autosave(&design, state.previous.is_some(), refreshed);
    let rest_shown = use_rest_after_first_paint();
    let standard_open = design.view == View::Standard;
    let retries = use_state(|| 0u32);
    let standard = standard::use_standard(design.clone(), standard_open, *retries);
    // The forms and the status line follow the settled plan: in the Standard view, with the
    // Standard plan's findings.
    let shown = standard::use_shown(&settled.pair, &standard, standard_open);
    let retry = {
        let setter = retries.setter();
        use_callback(*retries, move |_: MouseEvent, r| setter.set(r + 1))
    };
    let page = Page {
        slices: use_slices(&live, &shown),
        design,
        live,
        settled: shown,
        handlers: Handlers::of(&state),
        explained_before,
        standard: standard_open.then(|| ((*standard).clone(), retry)),
    };
    let dispatch = page.handlers.dispatch.clone();
    html! {
        <>
            // The title, the retirement line, the skip links and the footer are the HTML shell's
            // (index.html): they paint before the wasm runs. The toolbar sits in the header row.
            <Toolbar design={page.design.clone()} recent={Shared(state.recent.clone())} dispatch={dispatch.clone()} />
            <Safeguards notice={state.notice.clone()} can_undo={state.previous.is_some()} attention={state.attention.clone()} damaged={state.damaged.clone()} {dispatch} />
            <div class="status-row">
                { summary(&yew::props!(SummaryProps { plan: page.settled.clone(), subnets_said: page.standard_said() })) }
                { view_switch(page.design.view, &page.handlers.on_edit) }
            </div>
            if !saved { <p class="notice problem" role="alert">{ state::NOT_SAVED }</p> }
            <main class={classes!("layout", standard_open.then_some("standard"))} onfocusout={settled.settle_now} onpointerdown={settled.pointer_down} data-complete={rest_shown.then_some("")}>
                { page.network(state.generation) }
                if rest_shown { { page.rest() } }
            </main>
        </>
    }
}

/// Shows the rest of the page once the first part (the network inputs, the subnets, the map)
/// has been painted: the answer is on screen before the other sections are laid out.
#[hook]
fn use_rest_after_first_paint() -> bool {
    let shown = use_state_eq(|| false);
    {
        let setter = shown.setter();
        use_effect_with((), move |_| {
            browser::after_next_paint(move || setter.set(true))
        });
    }
    *shown
}

/// What each result section shows, recomputed only when the plan is: sections compare these
/// and skip rendering when their part did not change.
struct Slices {
    maps: Rc<Vec<MapPrefix>>,
    rules: Rc<Vec<SecurityRule>>,
    routes: Rc<Vec<Route>>,
    endpoints: Rc<Vec<ServiceEndpoint>>,
    subnet_names: Rc<Vec<String>>,
    rest: Rc<RestRequests>,
    checklist: Rc<Vec<ChecklistItem>>,
    findings: Rc<Vec<Finding>>,
}

#[hook]
fn use_slices(live: &Shared<Plan>, settled: &Shared<Plan>) -> Slices {
    Slices {
        maps: use_memo(live.clone(), |p| p.address_map.clone()),
        rules: use_memo(live.clone(), |p| p.nsg_rules.clone()),
        routes: use_memo(live.clone(), |p| p.routes.clone()),
        endpoints: use_memo(live.clone(), |p| p.service_endpoints.clone()),
        subnet_names: use_memo(live.clone(), |p| {
            p.subnets.iter().map(|s| s.name.clone()).collect()
        }),
        rest: use_memo(live.clone(), |p| p.rest.clone()),
        checklist: use_memo(live.clone(), |p| p.checklist.clone()),
        findings: use_memo(settled.clone(), |p| p.findings.clone()),
    }
}

/// What every section sends up.
#[derive(Clone)]
struct Handlers {
    on_edit: Callback<Edit>,
    dispatch: Callback<Action>,
    on_notice: Callback<(String, bool)>,
}

impl Handlers {
    fn of(state: &UseReducerHandle<PageState>) -> Handlers {
        let dispatch = {
            let state = state.clone();
            Callback::from(move |action: Action| state.dispatch(action))
        };
        let on_edit = dispatch.reform(Action::Edit);
        let on_notice = dispatch.reform(|(text, is_problem): (String, bool)| {
            Action::Notice(Some(if is_problem {
                Notice::problem(text)
            } else {
                Notice::info(text)
            }))
        });
        Handlers {
            on_edit,
            dispatch,
            on_notice,
        }
    }
}

/// The design, its plans and the handlers: what the page's sections are drawn from.
struct Page {
    design: Shared<Design>,
    /// The plan of the design as it is now (the answer follows every keystroke).
    live: Shared<Plan>,
    /// The settled plan (findings, after a pause).
    settled: Shared<Plan>,
    handlers: Handlers,
    explained_before: Option<AttrValue>,
    slices: Slices,
    /// The Standard view, when it is open: its plan and how to ask for it again.
    standard: Option<(standard::Standard, Callback<MouseEvent>)>,
}

impl Page {
    /// The first part: the network inputs beside the subnets (and the address map).
    fn network(&self, generation: u32) -> Html {
        let h = &self.handlers;
        let results = match &self.standard {
            Some((standard, retry)) => standard_subnets(&StandardSubnetsProps {
                standard: standard.clone(),
                ise: self.live.clone(),
                on_retry: retry.clone(),
            }),
            None => html! {
                <>
                    { printed_inputs(&PrintedProps { design: self.design.clone() }) }
                    { subnets_table(&yew::props!(SubnetsProps { design: self.design.clone(), plan: self.live.clone(), settled: self.settled.clone(), on_edit: h.on_edit.clone(), generation, explained_before: self.explained_before.clone() })) }
                    <AddressMap maps={self.slices.maps.clone()} />
                </>
            },
        };
        html! {
            <>
                <div class="area-network">
                    { network_form(&yew::props!(FormProps { design: self.design.clone(), plan: self.settled.clone(), on_edit: h.on_edit.clone(), on_notice: h.on_notice.clone(), dispatch: h.dispatch.clone(), generation })) }
                </div>
                <div class="area-results">{ results }</div>
            </>
        }
    }

    /// The rest: the other inputs beside the plan's other tables, the exports and findings.
    fn rest(&self) -> Html {
        let (h, s) = (&self.handlers, &self.slices);
        let form = yew::props!(FormProps {
            design: self.design.clone(),
            plan: self.settled.clone(),
            on_edit: h.on_edit.clone()
        });
        if let Some((standard, _)) = &self.standard {
            return html! {
                <>
                    <div class="area-more-inputs">
                        { standard_form(&form) }
                        <RoutingForm design={self.design.clone()} plan={self.settled.clone()} on_edit={h.on_edit.clone()} on_notice={h.on_notice.clone()} />
                        { environment_form(&form) }
                    </div>
                    <div class="area-outputs">
                        if let standard::Standard::Ready { view, .. } = standard { <StandardSections view={view.clone()} /> }
                        <ExportSection design={self.design.clone()} stem={state::file_stem(&self.design)} target={ExportTarget::Standard} />
                        <FindingsPanel findings={s.findings.clone()} />
                    </div>
                </>
            };
        }
        html! {
            <>
                <div class="area-more-inputs">
                    <RoutingForm design={self.design.clone()} plan={self.settled.clone()} on_edit={h.on_edit.clone()} on_notice={h.on_notice.clone()} />
                    { environment_form(&form) }
                </div>
                <div class="area-outputs">
                    <RulesTables rules={s.rules.clone()} />
                    <RoutesTable route_table={self.live.route_table} routes={s.routes.clone()} service_endpoints={s.endpoints.clone()} subnet_names={s.subnet_names.clone()} />
                    <ExportSection design={self.design.clone()} rest={Some(s.rest.clone())} stem={state::file_stem(&self.design)} />
                    { checklist(&ChecklistProps { items: s.checklist.clone() }) }
                    <FindingsPanel findings={s.findings.clone()} />
                </div>
            </>
        }
    }

    /// What the status region says of the subnets in the Standard view.
    fn standard_said(&self) -> Option<AttrValue> {
        let (standard, _) = self.standard.as_ref()?;
        let standard::Standard::Ready { view, .. } = standard else {
            return Some(". Planning the Standard network.".into());
        };
        let subnets = view.tables.iter().find(|t| is_subnets(t))?;
        let said: Vec<String> = subnets
            .rows
            .iter()
            .map(|r| {
                format!(
                    "{} {}",
                    subnets.cell(r, column::NAME),
                    subnets.cell(r, column::PREFIX)
                )
            })
            .collect();
        Some(format!(". Standard subnets: {}.", said.join(", ")).into())
    }
}
