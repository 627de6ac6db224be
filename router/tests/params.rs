//! `#[derive(Params)]` on the shapes users write.

use leptos_router::params::{Params, ParamsError, ParamsMap};

#[derive(Params, Debug, PartialEq)]
struct Filters {
    r#type: String,
    page: Option<u32>,
    exact: Option<bool>,
}

#[derive(Params, Debug, PartialEq)]
struct Nothing;

fn map(pairs: &[(&'static str, &str)]) -> ParamsMap {
    pairs.iter().map(|&(k, v)| (k, v.to_string())).collect()
}

#[test]
fn fields_read_their_parameter_by_name() {
    assert_eq!(
        Filters::from_map(&map(&[("type", "books"), ("page", "2")])),
        Ok(Filters {
            r#type: "books".into(),
            page: Some(2),
            exact: None,
        })
    );
    assert_eq!(
        Filters::from_map(&map(&[("page", "2")])),
        Err(ParamsError::MissingParam("type".into()))
    );
    let error = Filters::from_map(&map(&[("type", "x"), ("exact", "yes")])).unwrap_err();
    assert!(
        matches!(&error, ParamsError::Invalid { name, ty, .. } if name == "exact" && *ty == "bool"),
        "{error:?}"
    );
    assert_eq!(Nothing::from_map(&ParamsMap::new()), Ok(Nothing));
    // A query's parameters decode before they parse.
    let query = ParamsMap::from_query("type=comic+books&page=%33");
    assert_eq!(
        Filters::from_map(&query).map(|f| (f.r#type, f.page)),
        Ok(("comic books".to_string(), Some(3)))
    );
}
