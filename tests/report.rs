//! report.html: written by every run, self-contained (no scripts, nothing
//! fetched), and it renders: headless Chromium loads it and takes a
//! screenshot (Debian's `chromium`; `.ci/run` installs it when missing).

mod common;
use common::*;

fn chromium() -> Option<String> {
    let candidates = [
        std::env::var("CHROMIUM").ok(),
        Some("chromium".into()),
        Some("chromium-browser".into()),
    ];
    candidates.into_iter().flatten().find(|c| {
        std::process::Command::new(c)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    })
}

#[test]
fn report_is_self_contained_and_renders_in_chromium() {
    let dir = tempfile::tempdir().unwrap();
    let out = run_ok(dir.path(), &[]);
    let page = std::fs::read_to_string(out.join("report.html")).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert!(!page.contains("<script"), "no scripts");
    assert!(
        !page.contains(" src=") && !page.contains(" href="),
        "nothing loaded from elsewhere"
    );
    assert!(page.contains("21 Etats non UE") && page.contains("consistent"));
    assert_eq!(page.matches("<svg").count(), 4, "country mentions + 3 breakdowns");
    assert!(page.contains(r#"aria-label="members by eu_member""#));

    let Some(browser) = chromium() else {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must have chromium (.ci/run installs it)"
        );
        eprintln!("skipped the screenshot: no chromium on this machine (apt-get install chromium)");
        return;
    };
    let shot = dir.path().join("report.png");
    let profile = tempfile::tempdir().unwrap();
    let status = std::process::Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--window-size=1000,1400",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg(format!("--screenshot={}", shot.display()))
        .arg(format!("file://{}", out.join("report.html").display()))
        .stderr(std::process::Stdio::null())
        .status()
        .unwrap();
    assert!(status.success());
    let png = std::fs::read(&shot).unwrap();
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    // A blank page compresses to a few kilobytes; text and bars do not.
    assert!(png.len() > 30_000, "screenshot is {} bytes: blank?", png.len());
}
