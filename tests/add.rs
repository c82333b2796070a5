//! `jianbao add`: a submitted article (Word, LibreOffice's PDF of it, plain
//! text) into an issue file, every other byte of it kept, the model read
//! back equal to the old one plus the article, photos under free names;
//! `--dry-run`; the refusals, each leaving the issue file as it was.

use std::fs;
use std::path::Path;

use jianbao::model::{Article, Block, Cell, CellAlign, Column, Issue, Table, Text};

use crate::support::{model, root, run_in, stderr};

/// An issue with comments, quoting styles, a folded scalar, a flow list
/// and a photo in `images/`.
const ISSUE: &str = r#"# yaml-language-server: $schema=../bulletin.schema.json
# 第 12 期，编辑部初稿
name: 青溪县文明创建简报
unit: 青溪县文明办
number: 12
date: 2024-11-08
columns:
  - name: 工作交流   # 本期重点
    articles:
      - title: "东坪乡：农家书屋夜间开放"
        source: （东坪乡文化站供稿）
        body:
          - 东坪乡把农家书屋搬进村部大院，晚上也开门，方便务工回来的村民借书。
          - photo: images/shuwu.png
            caption: 村民在书屋读书

      # 下一篇待核
      - title: 白塔镇：评出百户“清洁庭院”
        body:
          - >-
            白塔镇开展“清洁庭院”评比，评出示范户一百户，
            带动家家户户整治房前屋后。
  - name: 基层动态
    articles:
      - title: 'A 级景区创建推进会召开'
        body: [县里召开景区创建推进会，部署下一阶段工作。]
footer:
  report_to: 县委办公室
  print_run: 120
"#;

fn fixture(name: &str) -> Vec<u8> {
    fs::read(root().join("tests/fixtures/add").join(name)).unwrap()
}

/// A folder with the issue as `issue.yaml` (given text), its photo, and
/// the fixture `submission` copied in.
fn setup(issue: &str, submission: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("issue.yaml"), issue).unwrap();
    fs::create_dir(dir.path().join("images")).unwrap();
    fs::write(dir.path().join("images/shuwu.png"), fixture("photo.png")).unwrap();
    fs::write(dir.path().join(submission), fixture(submission)).unwrap();
    dir
}

fn add(dir: &Path, args: &[&str]) -> std::process::Output {
    let mut all = vec!["add"];
    all.extend_from_slice(args);
    run_in(dir, &all, None)
}

/// The lines the new text has that the old one had not: every old line is
/// kept, in order, byte for byte, and the new ones stand together.
fn inserted(old: &str, new: &str) -> String {
    let old: Vec<&str> = old.split_inclusive('\n').collect();
    let new: Vec<&str> = new.split_inclusive('\n').collect();
    let prefix = old.iter().zip(&new).take_while(|(a, b)| a == b).count();
    let suffix = old[prefix..]
        .iter()
        .rev()
        .zip(new[prefix..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    assert_eq!(
        prefix + suffix,
        old.len(),
        "lines of the old file changed:\n{}",
        new.concat()
    );
    new[prefix..new.len() - suffix].concat()
}

/// The article of `submission.docx` (and of its PDF), its photo at `photo`.
fn word_article(photo: &str) -> Article {
    let p = |lead: Option<&str>, text: &str| Block::Paragraph {
        lead: lead.map(String::from),
        text: text.to_string(),
    };
    let h = |level: u8, text: &str| Block::Heading {
        level,
        text: text.to_string(),
    };
    Article {
        title: Text("青溪县：小院议事会 议出乡村好风气".into()),
        subtitle: None,
        source: Some(Text("（青溪县文明办供稿）".into())),
        body: vec![
            p(
                None,
                "今年以来，青溪县在全县一百二十个行政村推行“小院议事会”，把村里的大事小情放到农家小院里商量，村民自己提事、自己议事、自己办事，邻里纠纷少了，村容村貌新了，乡村文明风气日渐浓厚。",
            ),
            h(1, "一、搭起议事平台"),
            h(2, "（一）选好议事小院"),
            p(
                Some("就近选址，方便群众。"),
                "各村挑选位置居中、院落宽敞的农户作为议事点，门口挂牌、院里摆凳，农闲时每周议一次，农忙时随议随办，群众走几步路就能把想法说出来。",
            ),
            p(
                Some("规范流程，议出实效。"),
                "议事会按照收集议题、集中商议、公示结果、跟踪落实四个步骤进行，议定的事项在村务公开栏张贴，办理进度每月向村民通报一次。",
            ),
            Block::Photo {
                path: photo.to_string(),
                caption: Some("石门村村民在议事小院商量修路事宜".into()),
                width: None,
            },
            h(1, "二、带动乡风转变"),
            p(
                None,
                "议事小院成了村民学政策、谈发展、评新风的好去处。全县累计召开议事会两千三百余场，解决道路硬化、垃圾清运等实际问题八百多件，评选“好婆婆”“好媳妇”三百余名，崇德向善的氛围越来越浓。",
            ),
        ],
    }
}

fn with_article(mut issue: Issue, column: usize, at: usize, article: Article) -> Issue {
    issue.columns[column].articles.insert(at, article);
    issue
}

#[test]
fn a_word_submission_goes_after_a_title_with_its_photo_under_a_free_name() {
    let dir = setup(ISSUE, "submission.docx");
    // The photo's first name is taken: it must not be written over.
    let taken = dir.path().join("images/submission-photo-1.png");
    fs::write(&taken, b"not ours").unwrap();
    let before = model(&dir.path().join("issue.yaml"));
    let out = add(
        dir.path(),
        &[
            "issue.yaml",
            "submission.docx",
            "--column",
            "工作交流",
            "--after",
            "东坪乡：农家书屋夜间开放",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("added `青溪县：小院议事会 议出乡村好风气` to column `工作交流`, after `东坪乡：农家书屋夜间开放` of issue.yaml"), "{}", stderr(&out));
    let after = fs::read_to_string(dir.path().join("issue.yaml")).unwrap();
    let block = inserted(ISSUE, &after);
    assert!(
        after.contains("            caption: 村民在书屋读书\n      - title: 青溪县：小院议事会 议出乡村好风气\n"),
        "{after}"
    );
    assert!(after.contains(&format!("{block}\n      # 下一篇待核\n")));
    assert!(
        block.contains("          - lead: 就近选址，方便群众。\n"),
        "{block}"
    );
    assert_eq!(
        model(&dir.path().join("issue.yaml")),
        with_article(
            before,
            0,
            1,
            word_article("images/submission-photo-1-2.png")
        )
    );
    assert_eq!(fs::read(&taken).unwrap(), b"not ours");
    assert_eq!(
        fs::read(dir.path().join("images/submission-photo-1-2.png")).unwrap(),
        fixture("photo.png")
    );
    // The edited issue builds.
    let check = run_in(dir.path(), &["check", "issue.yaml"], None);
    assert!(check.status.success(), "{}", stderr(&check));
}

#[test]
fn libreoffices_pdf_of_it_opens_a_new_column_at_the_end() {
    let dir = setup(ISSUE, "submission.pdf");
    let before = model(&dir.path().join("issue.yaml"));
    let out = add(
        dir.path(),
        &["issue.yaml", "submission.pdf", "--column", "经验做法"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let after = fs::read_to_string(dir.path().join("issue.yaml")).unwrap();
    let block = inserted(ISSUE, &after);
    assert!(
        block.starts_with("  - name: 经验做法\n    articles:\n      - title: 青溪县："),
        "{block}"
    );
    assert!(after.contains(&format!("{block}footer:\n")));
    let mut expected = before;
    expected.columns.push(Column {
        name: Some(Text("经验做法".into())),
        articles: vec![word_article("images/submission-photo-1.png")],
    });
    assert_eq!(model(&dir.path().join("issue.yaml")), expected);
    let photo = image::open(dir.path().join("images/submission-photo-1.png")).unwrap();
    assert_eq!((photo.width(), photo.height()), (160, 100));
}

#[test]
fn a_word_document_in_words_own_styles_brings_its_table() {
    let dir = setup(ISSUE, "plain.docx");
    let before = model(&dir.path().join("issue.yaml"));
    let out = add(
        dir.path(),
        &["issue.yaml", "plain.docx", "--column", "工作交流"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!stderr(&out).contains("warning"), "{}", stderr(&out));
    let after = fs::read_to_string(dir.path().join("issue.yaml")).unwrap();
    let block = inserted(ISSUE, &after);
    assert!(after.contains(&format!(
        "带动家家户户整治房前屋后。\n{block}  - name: 基层动态\n"
    )));
    assert!(
        block.contains("          - table:\n              header: [参加志愿服务一次, 5 分]\n              rows:\n                - [评为清洁庭院, 10 分]\n"),
        "{block}"
    );
    let p = |lead: Option<&str>, text: &str| Block::Paragraph {
        lead: lead.map(String::from),
        text: text.to_string(),
    };
    let h = |text: &str| Block::Heading {
        level: 1,
        text: text.to_string(),
    };
    let article = Article {
        title: Text("南岭村：积分超市兑出文明新风".into()),
        subtitle: None,
        source: Some(Text("（南岭村村委会供稿）".into())),
        body: vec![
            p(
                None,
                "南岭村去年开办“文明积分超市”，村民参加志愿服务、保持庭院整洁都能攒积分，凭积分到超市换取油盐酱醋等日用品。",
            ),
            h("一、定好积分细则"),
            p(
                Some("细则由村民议定。"),
                "村两委起草积分办法，经村民代表大会逐条讨论通过，张贴在村口公示栏，人人都能看懂、都能参与。",
            ),
            Block::Table(
                Table::new(
                    None,
                    vec![vec![Cell::new("参加志愿服务一次"), Cell::new("5 分")]],
                    vec![vec![Cell::new("评为清洁庭院"), Cell::new("10 分")]],
                    Vec::new(),
                    vec![CellAlign::Left, CellAlign::Left],
                )
                .unwrap(),
            ),
            h("二、用好积分成果"),
            p(
                Some("积分兑换看得见。"),
                "超市每月开放两次，村民拿积分换物品，年底还评选积分之星，大家参与村里事务的劲头更足了。",
            ),
        ],
    };
    assert_eq!(
        model(&dir.path().join("issue.yaml")),
        with_article(before, 0, 2, article)
    );
}

/// The text article: subtitle, a wrapped paragraph joined, leads found, the
/// photo line a comment, the closing source line its source.
fn text_article() -> Article {
    Article {
        title: Text("柳岸街道：“楼道微更新”让老旧小区焕新颜".into()),
        subtitle: Some(Text("——柳岸街道推进老旧小区楼道环境整治".into())),
        source: Some(Text("（柳岸街道办事处供稿）".into())),
        body: vec![
            Block::Paragraph {
                lead: None,
                text: "柳岸街道辖区内老旧小区多，不少楼道堆放杂物、墙面斑驳、照明不足。今年以来，街道发动党员、楼栋长和居民一起动手，开展“楼道微更新”行动，一年时间完成改造楼道三百四十个。".into(),
            },
            Block::Heading {
                level: 1,
                text: "一、居民提方案".into(),
            },
            Block::Paragraph {
                lead: Some("问计于民，改什么由居民定。".into()),
                text: "街道在每个小区设立意见箱，楼栋长逐户征求意见，汇总出清理杂物、粉刷墙面、加装扶手等十多项改造内容，由居民投票确定先后顺序。".into(),
            },
            Block::Heading {
                level: 1,
                text: "二、共建共管护".into(),
            },
            Block::Paragraph {
                lead: Some("建管并重，常态长效抓维护。".into()),
                text: "改造完成后，每个楼道推选一名“楼道管家”，带领居民制定楼道公约，定期开展清扫和检查，确保楼道干净整洁、安全通畅。".into(),
            },
        ],
    }
}

/// An issue without columns, with Windows line ends.
const PLAIN: &str = "name: 柳岸街道简报\r\nunit: 柳岸街道办事处\r\nnumber: 4\r\ndate: 2024-06-03\r\narticles:\r\n- title: 街道召开夏季安全工作会\r\n  body:\r\n  - 会议部署了防汛和用电安全工作。\r\n- title: 居民运动会开幕\r\n  body: ['三百余名居民参加了比赛。']\r\n# 报尾\r\nfooter: {print_run: 60}\r\n";

#[test]
fn a_text_submission_goes_into_an_issue_without_columns_and_dry_run_writes_nothing() {
    let dir = setup(PLAIN, "submission.txt");
    let before = model(&dir.path().join("issue.yaml"));
    let args = [
        "issue.yaml",
        "submission.txt",
        "--after",
        "街道召开夏季安全工作会",
    ];
    let mut dry = args.to_vec();
    dry.push("--dry-run");
    let shown = add(dir.path(), &dry);
    assert!(shown.status.success(), "{}", stderr(&shown));
    assert!(
        stderr(&shown).contains("nothing is written"),
        "{}",
        stderr(&shown)
    );
    assert_eq!(
        fs::read_to_string(dir.path().join("issue.yaml")).unwrap(),
        PLAIN
    );
    let entries = fs::read_dir(dir.path()).unwrap().count();
    assert_eq!(entries, 3, "a dry run wrote a file");

    let out = add(dir.path(), &args);
    assert!(out.status.success(), "{}", stderr(&out));
    // The photo line of the text is a comment and a warning.
    assert!(
        stderr(&out).contains("[图：居民志愿者清理楼道杂物]"),
        "{}",
        stderr(&out)
    );
    let after = fs::read_to_string(dir.path().join("issue.yaml")).unwrap();
    let block = inserted(PLAIN, &after);
    assert_eq!(
        block.as_bytes(),
        shown.stdout.as_slice(),
        "the dry run showed another block"
    );
    assert!(block.starts_with("- title: 柳岸街道"), "{block}");
    assert!(
        !block.replace("\r\n", "").contains('\n'),
        "line ends not the file's"
    );
    assert!(
        block.contains("    # jianbao add: line 12: [图：居民志愿者清理楼道杂物]\r\n"),
        "{block}"
    );
    assert_eq!(
        model(&dir.path().join("issue.yaml")),
        with_article(before, 0, 1, text_article())
    );
}

#[test]
fn refusals_leave_the_issue_as_it_was() {
    let dir = setup(ISSUE, "submission.txt");
    let issue = dir.path().join("issue.yaml");
    let refused = |args: &[&str], code: i32, says: &str| {
        let out = add(dir.path(), args);
        assert_eq!(out.status.code(), Some(code), "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).contains(says), "{args:?}: {}", stderr(&out));
        let now = fs::read_to_string(&issue).unwrap();
        assert!(
            now == ISSUE || now.starts_with("name: ["),
            "{args:?} changed the issue"
        );
    };
    // A whole bulletin, as text and as Word: `jianbao import` is for it.
    for format in ["txt", "docx"] {
        let file = format!("whole.{format}");
        let built = run_in(dir.path(), &["build", "issue.yaml", "-o", &file], None);
        assert!(built.status.success(), "{}", stderr(&built));
        refused(&["issue.yaml", &file], 1, "this is a whole bulletin");
        refused(&["issue.yaml", &file], 1, "jianbao import FILE");
    }
    let write = |name: &str, text: &str| fs::write(dir.path().join(name), text).unwrap();
    write(
        "notitle.txt",
        "今年以来，各村结合实际开展了形式多样的文明实践活动，取得明显成效。\n",
    );
    refused(&["issue.yaml", "notitle.txt"], 1, "holds no title");
    write("notext.txt", "只有标题的一篇稿件\n（某村供稿）\n");
    refused(&["issue.yaml", "notext.txt"], 1, "holds no text");
    write("empty.txt", "\n\n");
    refused(&["issue.yaml", "empty.txt"], 1, "is empty");
    refused(
        &["issue.yaml", "submission.txt", "--after", "没有这篇"],
        2,
        "the issue has no article titled `没有这篇`",
    );
    refused(
        &[
            "issue.yaml",
            "submission.txt",
            "--column",
            "新栏目",
            "--after",
            "白塔镇：评出百户“清洁庭院”",
        ],
        2,
        "there is no column `新栏目`",
    );
    refused(&["-", "submission.txt"], 2, "cannot be standard input");
    refused(
        &["issue.yaml", "missing.txt"],
        2,
        "failed to read the submission",
    );
    // The same article twice.
    let once = add(dir.path(), &["issue.yaml", "submission.txt"]);
    assert!(once.status.success(), "{}", stderr(&once));
    let edited = fs::read_to_string(&issue).unwrap();
    let twice = add(dir.path(), &["issue.yaml", "submission.txt"]);
    assert_eq!(twice.status.code(), Some(1));
    assert!(stderr(&twice).contains("already has an article titled"));
    assert_eq!(fs::read_to_string(&issue).unwrap(), edited);
    // An issue with errors is not edited.
    let broken = "name: [\nunit: 办\n";
    fs::write(&issue, broken).unwrap();
    let out = add(dir.path(), &["issue.yaml", "submission.txt"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("the issue has errors, so the article is not added"));
    assert_eq!(fs::read_to_string(&issue).unwrap(), broken);
}
