export { calendarRoutes } from './calendar.routes';
export {
  calendarRead,
  getCalendar,
  getRegionCalendar,
  loadNationalDays,
  type RegionCalendar,
} from './calendar.service';
