//! Pages in languages that read the other way, or punctuate otherwise: project texts keep
//! their own direction, lists and "SDG" follow the page's language, charts stay readable.

use serde_json::json;

use crate::harness::{seeded, wait_until, Browser};

/// For every chart's row: a label smaller than the body text, a label on a bar, a value or
/// another label, cut or outside the chart; a bar out of scale with the largest one, or not
/// growing from the page's start edge (the right one in Arabic), its value not past its end.
/// Gives the problems and how many rows it read.
const CHART_AUDIT: &str = r#"
const problems = [];
const rtl = getComputedStyle(document.documentElement).direction === "rtl";
const body = parseFloat(getComputedStyle(document.body).fontSize);
const apart = (a, b) => a.right <= b.left + 1 || b.right <= a.left + 1
  || a.bottom <= b.top + 1 || b.bottom <= a.top + 1;
const start = r => rtl ? r.right : r.left;
let read = 0;
if (document.documentElement.scrollWidth > document.documentElement.clientWidth + 1) {
  problems.push("the page scrolls sideways");
}
for (const figure of document.querySelectorAll("figure.chart")) {
  const chart = figure.querySelector("ul.bars").getBoundingClientRect();
  const inside = r => r.left >= chart.left - 1 && r.right <= chart.right + 1;
  const rows = [...figure.querySelectorAll("ul.bars > li")].map(li => [
    li.querySelector(".bar-label"), li.querySelector(".bar"), li.querySelector(".bar-value"),
  ]);
  rows.filter(r => r.some(e => !e)).forEach(() => problems.push(figure.id + ": a row without its label, bar or value"));
  const boxes = rows.filter(r => r.every(e => e)).map(([label, bar, value]) => ({
    label: label.getBoundingClientRect(), bar: bar.getBoundingClientRect(),
    value: value.getBoundingClientRect(), track: bar.parentElement.getBoundingClientRect(),
    text: label.textContent, count: Number(value.textContent),
    size: parseFloat(getComputedStyle(label).fontSize), cut: label.scrollWidth > label.clientWidth + 1,
  }));
  read += boxes.length;
  const max = Math.max(0, ...boxes.map(b => b.count));
  const longest = Math.max(0, ...boxes.map(b => b.bar.width));
  boxes.forEach((b, i) => {
    const at = `${figure.id}: ${b.text}`;
    if (b.size < body || b.size < 14) problems.push(`${b.size}px: ${at}`);
    if (!inside(b.label) || !inside(b.value) || !inside(b.bar)) problems.push("outside: " + at);
    if (b.cut || b.text.includes("…")) problems.push("cut: " + at);
    if (Math.abs(start(b.label) - start(chart)) > 1) problems.push("label away from the start edge: " + at);
    if (b.bar.width > 0 && !apart(b.label, b.bar)) problems.push("on its bar: " + at);
    if (!apart(b.label, b.value) || (b.bar.width > 0 && !apart(b.bar, b.value))) problems.push("on its value: " + at);
    boxes.slice(i + 1).forEach(o => { if (!apart(b.label, o.label)) problems.push("on another: " + at); });
    const expected = max ? b.count / max * longest : 0;
    const shown = b.count === 0 || b.bar.width >= 1.5;
    if (!shown || (Math.abs(b.bar.width - expected) > 1.5 && expected >= 2)) {
      problems.push(`${at}: ${b.count} drawn ${b.bar.width}px long, ${expected}px expected`);
    }
    if (b.bar.width > 0 && Math.abs(start(b.bar) - start(b.track)) > 1) problems.push("bar not from the start edge: " + at);
    if (b.bar.width > 0 && (rtl ? b.value.right > b.bar.left + 1 : b.value.left < b.bar.right - 1)) {
      problems.push("value not past its bar: " + at);
    }
  });
  const starts = boxes.filter(b => b.bar.width > 0).map(b => start(b.bar));
  if (Math.max(...starts) - Math.min(...starts) > 1) problems.push(figure.id + ": bars start at different places");
}
return [problems, read];
"#;

#[tokio::test(flavor = "multi_thread")]
async fn arabic_keeps_project_texts_direction_and_punctuates_in_arabic() {
    let Some((app, browser)) = seeded(Browser::start()).await else {
        return;
    };
    let c = &browser.client;
    c.set_window_size(1366, 900).await.unwrap();
    c.goto(&app.url("/?lang=ar&q=Brazil")).await.unwrap();
    let hit = browser
        .run(
            "const h = document.querySelector('li.hit h3'); \
         return [h.getAttribute('dir'), getComputedStyle(h).direction, \
                 [...document.querySelectorAll('li.hit .countries')].map(e => e.textContent), \
                 document.querySelector('li.hit .sdg-chip').textContent];",
        )
        .await;
    assert_eq!(hit[0], json!("auto"));
    assert_eq!(hit[1], json!("ltr"), "an English title reads left to right");
    let lists: Vec<&str> = hit[2]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert!(
        lists.iter().any(|l| l.contains("، ")),
        "the Arabic comma: {lists:?}"
    );
    assert!(
        !lists.iter().any(|l| l.contains(", ")),
        "no Latin comma: {lists:?}"
    );
    let chip = hit[3].as_str().unwrap();
    assert!(chip.contains("أهداف التنمية المستدامة"), "{chip}");
    // On a project's page too.
    let link = browser.attr("li.hit h3 a", "href").await.unwrap();
    c.goto(&app.url(&link)).await.unwrap();
    let project = browser.run("const h = document.querySelector('article.project h1'); \
         return [document.documentElement.dir, h.getAttribute('dir'), getComputedStyle(h).direction];",
    )
    .await;
    assert_eq!(project, json!(["rtl", "auto", "ltr"]));
    c.goto(&app.url("/?lang=fr")).await.unwrap();
    let chip = browser.text("li.hit .sdg-chip").await;
    assert!(chip.starts_with("ODD "), "{chip}");
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn statistics_charts_are_readable_in_every_direction_and_at_phone_width() {
    let Some((app, browser)) = seeded(Browser::start()).await else {
        return;
    };
    let c = &browser.client;
    for (width, height) in [(1366, 900), (390, 844)] {
        c.set_window_size(width, height).await.unwrap();
        for lang in ["ar", "en", "ru"] {
            c.goto(&app.url(&format!("/stats?lang={lang}")))
                .await
                .unwrap();
            // Audit the page only once it has loaded in full (a busy machine can be slow).
            wait_until("the statistics page has loaded", || async {
                browser.run("return document.readyState").await == json!("complete")
            })
            .await;
            let audit = browser.run(CHART_AUDIT).await;
            assert_eq!(audit[0], json!([]), "{lang} at {width}px");
            // 19 Action Lines, 17 SDGs, 7 regions, the stakeholder types and the years.
            let rows = audit[1].as_u64().unwrap_or(0);
            assert!(
                rows > 19 + 17 + 7,
                "{rows} rows read in {lang} at {width}px"
            );
            browser.screenshot(&format!("stats-{lang}-{width}")).await;
        }
    }
    browser.close().await;
}
