/** What the drivers and verify store as the last error of a configured neighbor the router does not have. */
export const NOT_ON_ROUTER_ERRORS = ['Not configured on the router', 'The router does not list this neighbor'];
