//! The contacts: a fixed list, the same on the server and in the browser.

/// One contact.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Contact {
    /// Its id, in the URL: `/contacts/3`.
    pub id: usize,
    /// First name.
    pub first: &'static str,
    /// Last name.
    pub last: &'static str,
    /// Email address.
    pub email: &'static str,
    /// A line about them.
    pub note: &'static str,
}

impl Contact {
    /// "First Last".
    pub fn name(&self) -> String {
        format!("{} {}", self.first, self.last)
    }
}

/// Every contact, by id.
pub const CONTACTS: &[Contact] = &[
    Contact {
        id: 1,
        first: "Ada",
        last: "Lovelace",
        email: "ada@example.com",
        note: "Wrote the first program.",
    },
    Contact {
        id: 2,
        first: "Grace",
        last: "Hopper",
        email: "grace@example.com",
        note: "Found the first bug.",
    },
    Contact {
        id: 3,
        first: "Alan",
        last: "Turing",
        email: "alan@example.com",
        note: "Asked whether machines can think.",
    },
    Contact {
        id: 4,
        first: "Katherine",
        last: "Johnson",
        email: "katherine@example.com",
        note: "Computed the trajectories.",
    },
    Contact {
        id: 5,
        first: "Edsger",
        last: "Dijkstra",
        email: "edsger@example.com",
        note: "Found the shortest path.",
    },
    Contact {
        id: 6,
        first: "Barbara",
        last: "Liskov",
        email: "barbara@example.com",
        note: "Substituted subtypes.",
    },
];

/// The contact with `id`.
pub fn find(id: usize) -> Option<Contact> {
    CONTACTS.iter().copied().find(|contact| contact.id == id)
}

/// The contacts whose name contains `query` (any case); all for an empty query.
pub fn search(query: &str) -> Vec<Contact> {
    let query = query.trim().to_lowercase();
    CONTACTS
        .iter()
        .copied()
        .filter(|contact| contact.name().to_lowercase().contains(&query))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contacts_are_found_by_id_and_searched_by_name() {
        assert_eq!(find(2).map(|c| c.first), Some("Grace"));
        assert_eq!(find(99), None);
        assert_eq!(search("").len(), CONTACTS.len());
        let found: Vec<usize> = search(" LOVE").iter().map(|c| c.id).collect();
        assert_eq!(found, [1]);
    }
}
