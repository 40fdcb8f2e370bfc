/** Who may do what in the planning sections; the API checks the same roles (this only hides dead buttons). */
const has = (roles: readonly string[], ...allowed: string[]) => roles.some((role) => allowed.includes(role));

/** createPromotion / updatePromotion / deletePromotion: marketing, planner (admin). */
export function canEditPromotions(roles: readonly string[]): boolean {
  return has(roles, 'MARKETING', 'PLANNER', 'ADMIN');
}

/** approve / reject a PO proposal and runReplenishment: planner (admin). */
export function canDecidePurchaseOrders(roles: readonly string[]): boolean {
  return has(roles, 'PLANNER', 'ADMIN');
}
