export { calendarRoutes } from './calendar.routes';
export { getCalendar, getRegionCalendar, loadNationalDays, type RegionCalendar } from './calendar.service';
