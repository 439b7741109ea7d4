//! Pages in languages that read the other way, or punctuate otherwise: project texts keep
//! their own direction, lists and "SDG" follow the page's language, charts stay readable.

use serde_json::json;

use crate::harness::{seeded, wait_until, Browser};

/// For every chart: labels that overlap a bar or another label, or leave the drawing.
const CHART_AUDIT: &str = r#"
const problems = [];
for (const svg of document.querySelectorAll("figure.chart svg")) {
  const width = svg.viewBox.baseVal.width;
  const groups = [...svg.querySelectorAll("g")];
  groups.filter(g => !g.querySelector("text") || !g.querySelector("rect"))
    .forEach(g => problems.push("a bar without its label or rect: " + g.outerHTML));
  const boxes = groups.filter(g => g.querySelector("text") && g.querySelector("rect")).map(g => ({
    label: g.querySelector("text").getBBox(),
    bar: g.querySelector("rect").getBBox(),
    text: g.querySelector("text").textContent,
  }));
  const apart = (a, b) => a.x + a.width <= b.x + 1 || b.x + b.width <= a.x + 1
    || a.y + a.height <= b.y + 1 || b.y + b.height <= a.y + 1;
  boxes.forEach((b, i) => {
    if (b.label.x < -1 || b.label.x + b.label.width > width + 1) problems.push("outside: " + b.text);
    if (b.bar.width > 0 && !apart(b.label, b.bar)) problems.push("on its bar: " + b.text);
    if (b.text.includes("…")) problems.push("cut: " + b.text);
    boxes.slice(i + 1).forEach(o => { if (!apart(b.label, o.label)) problems.push("on another: " + b.text); });
  });
}
return problems;
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
            let problems = browser.run(CHART_AUDIT).await;
            assert_eq!(problems, json!([]), "{lang} at {width}px");
            browser.screenshot(&format!("stats-{lang}-{width}")).await;
        }
    }
    browser.close().await;
}
