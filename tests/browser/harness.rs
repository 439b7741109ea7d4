//! The app on an ephemeral port, chromedriver with headless Chromium, and waiting helpers.

use std::future::Future;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Value};
use tempfile::TempDir;

use wsis_stocktaking::search::IndexerConfig;
use wsis_stocktaking::service::{KeyRole, Keys, Service, ServiceConfig};

/// The real router served on 127.0.0.1 at an ephemeral port.
pub struct App {
    dir: TempDir,
    _service: Arc<Service>,
    pub base: String,
}

impl App {
    /// A server over a new data directory, seeded with the sample projects when asked.
    pub async fn start(seed: bool) -> App {
        App::start_mailing(seed, None).await
    }

    /// [`App::start`], delivering its mail through the SMTP server at `smtp_url`.
    pub async fn start_mailing(seed: bool, smtp_url: Option<&str>) -> App {
        let dir = tempfile::tempdir().unwrap();
        let mut config = ServiceConfig::new(dir.path());
        config.seed = seed;
        config.indexer = IndexerConfig {
            commit_interval: Duration::from_millis(20),
            ..IndexerConfig::default()
        };
        let service = tokio::task::spawn_blocking(move || {
            let service = Service::open(&config).unwrap();
            service.commit_index().unwrap();
            service
        })
        .await
        .unwrap();
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let router = wsis_stocktaking::http::router(service.clone());
        tokio::spawn(wsis_stocktaking::http::server::serve(
            listener,
            router,
            wsis_stocktaking::http::server::ConnectionLimits::default(),
            std::future::pending(),
        ));
        if let Some(url) = smtp_url {
            use wsis_stocktaking::service::mail;
            let from = "WSIS Stocktaking <stocktaking@localhost>".parse().unwrap();
            let transport = Box::new(mail::Smtp::new(url, from).unwrap());
            let texts = wsis_stocktaking::http::pages::mail::MailTexts::new(&base);
            let settings = mail::SenderSettings {
                retry_base: Duration::from_millis(50),
                link_validity: Duration::from_secs(900),
            };
            mail::spawn_sender(service.clone(), transport, Arc::new(texts), settings).unwrap();
        }
        App {
            dir,
            _service: service,
            base,
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// A secretariat key, as `stocktaking keys create` makes it.
    pub fn key(&self, name: &str) -> String {
        Keys::new(self.dir.path())
            .create(name, KeyRole::Editor)
            .unwrap()
    }

    /// A GET of the JSON API with a secretariat key.
    pub async fn api_with_key(&self, path: &str, key: &str) -> Value {
        reqwest::Client::new()
            .get(self.url(path))
            .bearer_auth(key)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap()
    }

    /// `method path` with a JSON body and extra headers; the answer's body (a success).
    pub async fn send(
        &self,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        body: &Value,
    ) -> Value {
        let client = reqwest::Client::new();
        let mut request = client
            .request(method.parse().unwrap(), self.url(path))
            .json(body);
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        let answer = request.send().await.unwrap();
        assert!(
            answer.status().is_success(),
            "{method} {path}: {}",
            answer.status()
        );
        answer.json().await.unwrap()
    }

    /// A GET of the JSON API.
    pub async fn api(&self, path: &str) -> Value {
        reqwest::get(self.url(path))
            .await
            .unwrap()
            .json()
            .await
            .unwrap()
    }
}

/// Headless Chromium under chromedriver; killed on drop.
pub struct Browser {
    driver: Child,
    pub client: Client,
    _profile: TempDir,
}

fn find_on_path(name: &str) -> Option<PathBuf> {
    if let Some(explicit) = std::env::var_os("CHROMEDRIVER") {
        return Some(PathBuf::from(explicit)).filter(|p| p.is_file());
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(name))
        .find(|candidate| candidate.is_file())
}

fn chrome_binary() -> Option<String> {
    std::env::var("CHROME_BIN").ok().or_else(|| {
        [
            "/usr/bin/chromium",
            "/usr/bin/chromium-browser",
            "/usr/bin/google-chrome",
        ]
        .into_iter()
        .find(|p| std::path::Path::new(p).exists())
        .map(str::to_string)
    })
}

impl Browser {
    /// A browser session, or `None` (with a note) when chromedriver is not installed and
    /// `STOCKTAKING_BROWSER_TESTS=require` is not set.
    pub async fn start() -> Option<Browser> {
        Browser::start_with(&[]).await
    }

    /// A browser session with JavaScript turned off: the pages' baseline.
    pub async fn start_without_script() -> Option<Browser> {
        Browser::start_with(&["--blink-settings=scriptEnabled=false"]).await
    }

    /// A browser session with extra Chromium arguments.
    async fn start_with(extra: &[&str]) -> Option<Browser> {
        let Some(driver_path) = find_on_path("chromedriver") else {
            let required = std::env::var("STOCKTAKING_BROWSER_TESTS").as_deref() == Ok("require");
            assert!(
                !required,
                "STOCKTAKING_BROWSER_TESTS=require but chromedriver is not installed"
            );
            eprintln!("skipping browser test: chromedriver not found (apt install chromium chromium-driver)");
            return None;
        };
        let port = {
            let socket = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
            socket.local_addr().unwrap().port()
        };
        let driver = Command::new(driver_path)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts");
        let webdriver = format!("http://127.0.0.1:{port}");
        let status = format!("{webdriver}/status");
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            if let Ok(r) = reqwest::get(&status).await {
                if let Ok(body) = r.json::<Value>().await {
                    if body["value"]["ready"] == true {
                        break;
                    }
                }
            }
            assert!(Instant::now() < deadline, "chromedriver did not start");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let profile = tempfile::tempdir().unwrap();
        let mut options = json!({
            "args": [
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-quic",
                "--no-first-run",
                "--window-size=1280,1000",
                format!("--user-data-dir={}", profile.path().display()),
            ]
        });
        if let Some(args) = options["args"].as_array_mut() {
            args.extend(extra.iter().map(|a| json!(a)));
        }
        if let Some(binary) = chrome_binary() {
            options["binary"] = json!(binary);
        }
        let mut caps = serde_json::Map::new();
        caps.insert("browserName".into(), json!("chrome"));
        caps.insert("goog:chromeOptions".into(), options);
        let client = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
            .capabilities(caps)
            .connect(&webdriver)
            .await
            .expect("a Chromium session");
        Some(Browser {
            driver,
            client,
            _profile: profile,
        })
    }

    /// Ends the session and the driver.
    pub async fn close(mut self) {
        let _ = self.client.clone().close().await;
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }

    /// The text of the first element matching a CSS selector, waiting for it to appear.
    pub async fn text(&self, css: &str) -> String {
        self.client
            .wait()
            .at_most(Duration::from_secs(15))
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("no element {css}: {e}"))
            .text()
            .await
            .unwrap()
    }

    /// An attribute of the first element matching a CSS selector, waiting for it.
    pub async fn attr(&self, css: &str, name: &str) -> Option<String> {
        self.element(css).await.attr(name).await.unwrap()
    }

    /// A property (such as a field's `value`) of the first element matching a selector.
    pub async fn prop(&self, css: &str, name: &str) -> Option<String> {
        self.element(css).await.prop(name).await.unwrap()
    }

    /// Whether the checkbox or option matching a CSS selector is ticked.
    pub async fn is_ticked(&self, css: &str) -> bool {
        self.element(css).await.is_selected().await.unwrap()
    }

    async fn element(&self, css: &str) -> fantoccini::elements::Element {
        self.client
            .wait()
            .at_most(Duration::from_secs(15))
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("no element {css}: {e}"))
    }

    /// Clicks the first element matching a CSS selector, waiting for it to appear.
    pub async fn click(&self, css: &str) {
        self.client
            .wait()
            .at_most(Duration::from_secs(15))
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("no element {css}: {e}"))
            .click()
            .await
            .unwrap_or_else(|e| panic!("cannot click {css}: {e}"));
    }

    /// Types into the element matching a CSS selector.
    pub async fn type_into(&self, css: &str, text: &str) {
        self.client
            .find(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("no element {css}: {e}"))
            .send_keys(text)
            .await
            .unwrap();
    }

    /// Chooses an option of a `<select>` by value.
    pub async fn select(&self, css: &str, value: &str) {
        self.client
            .find(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("no element {css}: {e}"))
            .select_by_value(value)
            .await
            .unwrap();
    }

    /// Runs a script in the page and gives its result.
    pub async fn run(&self, script: &str) -> Value {
        self.client.execute(script, vec![]).await.unwrap()
    }

    /// The current URL.
    pub async fn url(&self) -> url::Url {
        self.client.current_url().await.unwrap()
    }

    /// Saves a PNG screenshot of the page to `target/screenshots/NAME.png`.
    pub async fn screenshot(&self, name: &str) -> PathBuf {
        let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
            .parent()
            .unwrap()
            .join("screenshots");
        self.screenshot_to(&dir, name).await
    }

    /// Saves a PNG screenshot of the window to `DIR/NAME.png`.
    pub async fn screenshot_to(&self, dir: &Path, name: &str) -> PathBuf {
        let png = self.client.screenshot().await.unwrap();
        std::fs::create_dir_all(dir).unwrap();
        let path = dir.join(format!("{name}.png"));
        std::fs::write(&path, &png).unwrap();
        assert!(png.starts_with(b"\x89PNG"), "a PNG image");
        path
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

/// The seeded app and a browser session, or `None` when the browser tests are skipped.
pub async fn seeded(browser: impl Future<Output = Option<Browser>>) -> Option<(App, Browser)> {
    let app = App::start(true).await;
    Some((app, browser.await?))
}

/// The submission id in a private edit link (`/submissions/{id}?token=…`).
pub fn submission_id(edit_link: &str) -> String {
    let path = edit_link.trim_start_matches("/submissions/");
    path.split('?').next().unwrap_or(path).to_string()
}

/// Polls `check` until it holds, for at most 15 seconds.
pub async fn wait_until<F, Fut>(what: &str, mut check: F)
where
    F: FnMut() -> Fut,
    Fut: Future<Output = bool>,
{
    let deadline = Instant::now() + Duration::from_secs(15);
    while !check().await {
        assert!(Instant::now() < deadline, "timed out waiting until {what}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}
