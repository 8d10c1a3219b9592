export { calendarRoutes } from './calendar.routes';
export {
  calendarRead,
  getCalendar,
  getRegionCalendar,
  listCalendarRevisions,
  loadNationalDays,
  type RegionCalendar,
} from './calendar.service';
