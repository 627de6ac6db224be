//! The router's components: [`Router`], [`Routes`] with [`Route`], [`ParentRoute`] and
//! [`Outlet`], the protected routes, [`A`], [`Form`] and [`Redirect`].

mod form;
mod link;
mod redirect;
mod route;
mod router;
mod routes;

pub use form::{Form, FormProps};
pub use link::{AProps, ToHref, A};
pub use redirect::{Redirect, RedirectProps};
pub use route::{
    ParentRoute, ParentRouteProps, ProtectedParentRoute, ProtectedParentRouteProps, ProtectedRoute,
    ProtectedRouteProps, Route, RouteProps,
};
pub use router::{Router, RouterProps};
pub use routes::{Outlet, Routes, RoutesProps};

pub(crate) use router::RouterContext;
pub(crate) use routes::{current_route_params, current_route_path};
