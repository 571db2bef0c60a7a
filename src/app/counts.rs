//! Progress counts per category and overall, kept current by recounting only the category an
//! edit touched.

use super::App;
use crate::plan::Counts;

impl App {
    pub(super) fn recount_all(&mut self) {
        let (today, by) = (self.today, self.count.counting());
        self.counts = self
            .state
            .plan
            .categories
            .iter()
            .map(|c| Counts::of_by(c.requirements(), today, by))
            .collect();
        self.retotal();
    }

    /// Recount one category after an edit: O(its requirements), not the plan's.
    pub(super) fn recount(&mut self, category: usize) {
        if let (Some(slot), Some(cat)) = (
            self.counts.get_mut(category),
            self.state.plan.categories.get(category),
        ) {
            *slot = Counts::of_by(cat.requirements(), self.today, self.count.counting());
        }
        self.retotal();
    }

    pub(super) fn retotal(&mut self) {
        self.total = self.counts.iter().fold(Counts::default(), |a, c| Counts {
            total: a.total + c.total,
            todo: a.todo + c.todo,
            doing: a.doing + c.doing,
            review: a.review + c.review,
            done: a.done + c.done,
            blocked: a.blocked + c.blocked,
            overdue: a.overdue + c.overdue,
            due_soon: a.due_soon + c.due_soon,
            unconfirmed: a.unconfirmed + c.unconfirmed,
        });
    }
}
