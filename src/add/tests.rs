use super::*;
use crate::model::Text;
use crate::read::yaml::read_issue;

fn submission(title: &str) -> Submission {
    Submission {
        article: Article {
            title: Text(title.to_string()),
            subtitle: None,
            source: Some(Text("（东坪乡文化站供稿）".into())),
            body: vec![
                Block::Paragraph {
                    lead: None,
                    text: "东坪乡把农家书屋搬进村部大院，晚上也开门。".into(),
                },
                Block::Paragraph {
                    lead: Some("延长开放时间。".into()),
                    text: "书屋每天开到晚上九点，方便务工回来的村民借书。".into(),
                },
                Block::Photo {
                    path: "s-photo-1.jpg".into(),
                    caption: Some("村民在书屋读书".into()),
                    width: None,
                },
            ],
        },
        photos: vec![("s-photo-1.jpg".into(), vec![1, 2, 3])],
        comments: vec![(1, "paragraph 3: 一行注记".into())],
        warnings: Vec::new(),
    }
}

fn run(text: &str, placement: Placement, taken: &[&str]) -> Result<Added, Refusal> {
    let source = Source {
        name: "i.yaml",
        text,
    };
    let original = read_issue(source.clone(), None).expect("the issue reads");
    add(
        &source,
        None,
        &original,
        &submission("东坪乡：农家书屋夜间开放"),
        &placement,
        &|p| taken.contains(&p),
    )
}

/// The edited text is the old one with one block of new lines in it.
fn only_inserted(old: &str, added: &Added) {
    let start = added
        .text
        .find(&added.block)
        .expect("the block is in the text");
    let mut rebuilt = added.text[..start].to_string();
    rebuilt.push_str(&added.text[start + added.block.len()..]);
    assert_eq!(rebuilt, old);
}

/// `run` with no names taken, which must succeed and insert the block alone.
fn added_to(text: &str, column: Option<&str>, after: Option<&str>) -> Added {
    let added = run(text, Placement { column, after }, &[]).unwrap();
    only_inserted(text, &added);
    added
}

const COLUMNS: &str = "# 本期\nname: 测试简报\nunit: 测试办\nnumber: 3\ndate: 2024-01-05\ncolumns:\n  - name: 工作交流   # 主栏目\n    articles:\n      - title: 甲文\n        body:\n          - |-\n            第一段。\n\n      # 乙文是新来的\n      - title: '乙文'\n        body: [\"第二段。\"]\n        # 乙文之后的注记\n  - name: 基层动态\n    articles: [{title: 丙文, body: [第三段。]}]\nfooter:\n  print_run: 100\n";

#[test]
fn after_a_title_in_a_block_list() {
    let added = added_to(COLUMNS, None, Some("甲文"));
    // Before the comment that leads 乙文, after the block scalar.
    let at = added.text.find("      # 乙文是新来的").unwrap();
    assert!(
        added.text[..at].ends_with(&format!("{}\n", added.block)),
        "{}",
        added.text
    );
    assert!(
        added
            .block
            .starts_with("      - title: 东坪乡：农家书屋夜间开放\n"),
        "{}",
        added.block
    );
    assert!(
        added
            .block
            .contains("          # jianbao add: paragraph 3: 一行注记\n"),
        "{}",
        added.block
    );
    let titles: Vec<&str> = added.issue.columns[0]
        .articles
        .iter()
        .map(|a| a.title.as_str())
        .collect();
    assert_eq!(titles, ["甲文", "东坪乡：农家书屋夜间开放", "乙文"]);
    assert_eq!(added.place, "column `工作交流`, after `甲文`");
}

#[test]
fn at_the_end_of_a_column_keeps_its_trailing_comment_with_the_last_article() {
    let added = added_to(COLUMNS, Some("工作交流"), None);
    let at = added.text.find("  - name: 基层动态").unwrap();
    assert!(added.text[..at].ends_with(&added.block));
    assert!(added.text[..at].contains("# 乙文之后的注记\n      - title: 东坪乡"));
}

#[test]
fn into_a_flow_list_and_into_a_new_column() {
    let added = added_to(COLUMNS, Some("【基层动态】"), None);
    assert!(
        added
            .block
            .starts_with(", {title: \"东坪乡：农家书屋夜间开放\""),
        "{}",
        added.block
    );
    assert_eq!(added.issue.columns[1].articles.len(), 2);

    let added = added_to(COLUMNS, Some("经验做法"), None);
    assert!(
        added
            .block
            .starts_with("  - name: 经验做法\n    articles:\n      - title: 东坪乡"),
        "{}",
        added.block
    );
    assert!(added.text.contains("第三段。]}]\n  - name: 经验做法"));
    assert_eq!(added.issue.columns.len(), 3);
    assert_eq!(added.place, "a new column `经验做法` at the end");
}

#[test]
fn an_issue_without_columns_and_crlf_line_ends() {
    let text = "name: 测试简报\r\nunit: 测试办\r\nnumber: 3\r\ndate: 2024-01-05\r\narticles:\r\n- title: 甲文\r\n  body:\r\n  - 正文。\r\nfooter: {print_run: 9}";
    let added = run(text, Placement::default(), &[]).unwrap();
    only_inserted(text, &added);
    assert!(
        added.block.starts_with("- title: 东坪乡"),
        "{:?}",
        added.block
    );
    assert!(!added.block.replace("\r\n", "").contains('\n'));
    let Err(Refusal::Usage(f)) = run(
        text,
        Placement {
            column: Some("新栏目"),
            after: None,
        },
        &[],
    ) else {
        panic!("a column for an issue without columns");
    };
    assert!(f.0[0].message.contains("no columns"), "{f}");
    // The last line without its line end.
    let text = "name: 测试简报\nunit: 测试办\nnumber: 3\ndate: 2024-01-05\narticles:\n  - title: 甲文\n    body: [正文。]";
    let added = run(text, Placement::default(), &[]).unwrap();
    assert!(
        added.text.contains("[正文。]\n  - title: 东坪乡"),
        "{}",
        added.text
    );
}

#[test]
fn photos_take_a_free_name_beside_the_others() {
    let text = COLUMNS.replace("body: [\"第二段。\"]", "body: [{photo: images/a.jpg}]");
    let added = run(&text, Placement::default(), &["images/s-photo-1.jpg"]).unwrap();
    assert_eq!(added.photos[0].0, "images/s-photo-1-2.jpg");
    assert!(added.block.contains("photo: \"images/s-photo-1-2.jpg\""));
    let added = run(COLUMNS, Placement::default(), &[]).unwrap();
    assert_eq!(added.photos[0].0, "s-photo-1.jpg");
}

#[test]
fn titles_that_are_not_there_and_titles_that_are() {
    let Err(Refusal::Usage(f)) = run(
        COLUMNS,
        Placement {
            column: None,
            after: Some("甲"),
        },
        &[],
    ) else {
        panic!("no such title");
    };
    assert_eq!(f.0[0].message, "the issue has no article titled `甲`");
    let Err(Refusal::Usage(f)) = run(
        COLUMNS,
        Placement {
            column: Some("基层动态"),
            after: Some("甲文"),
        },
        &[],
    ) else {
        panic!("not in that column");
    };
    assert!(
        f.0[0]
            .message
            .contains("the column `基层动态` has no article"),
        "{f}"
    );
    let Err(Refusal::Usage(_)) = run(
        COLUMNS,
        Placement {
            column: Some("新栏"),
            after: Some("甲文"),
        },
        &[],
    ) else {
        panic!("after in a new column");
    };
    let text = COLUMNS.replace("甲文", "东坪乡：农家书屋夜间开放");
    let Err(Refusal::Invalid(f)) = run(&text, Placement::default(), &[]) else {
        panic!("the same title twice");
    };
    assert!(f.0[0].message.contains("already has"), "{f}");
    assert_eq!(f.0[0].position.as_ref().unwrap().line, 9);
}
