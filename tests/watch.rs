//! `jianbao watch`: a rebuild on every save, a broken save reported with the
//! last good output kept, recovery on the next good save.

use std::fs;

use crate::support::{Watching, folder, good_issue};

#[test]
fn watch_rebuilds_on_save_and_survives_a_broken_save() {
    let dir = folder(&[("i.yaml", &good_issue(1))]);
    let watch = Watching::start(dir.path(), &["i.yaml", "--format", "txt"]);
    let out = dir.path().join("i.txt");
    let holds = |n: &str| fs::read_to_string(&out).is_ok_and(|t| t.contains(n));
    // `built … in … ms` is printed once the output is written, and watching
    // starts before the build: from here on no save is missed.
    watch.wait_for(&|| watch.count("built i.txt in ") >= 1, "first build");
    assert!(holds("第 1 期"));
    // An editor that saves by writing a new file and renaming it over the old one.
    let save = |text: &str| {
        fs::write(dir.path().join(".i.yaml.swp"), text).unwrap();
        fs::rename(dir.path().join(".i.yaml.swp"), dir.path().join("i.yaml")).unwrap();
    };
    save(&good_issue(2));
    watch.wait_for(&|| holds("第 2 期"), "rebuild after a save");
    // A broken save: diagnostics, and the last good output stays.
    save("number: [\n");
    watch.wait_for(
        &|| watch.count("not built: keeping the last good") >= 1,
        "a broken save is reported",
    );
    assert!(holds("第 2 期"));
    assert!(watch.log().contains("error: "), "{}", watch.log());
    save(&good_issue(3));
    watch.wait_for(&|| holds("第 3 期"), "recovery after the next good save");
    assert!(watch.log().contains(" ms"), "rebuild time reported");
}
