import { loadBooking, loadCentre } from './book-actions.js';
import { BookingPage, BookPage } from './BookPage.js';
import { useBookStore } from './store.js';
import '../phone/phone.css';
import './book.css';

/** /book: book an appointment. */
export function startBook(fonts: Promise<void>) {
  void fonts.then(() => useBookStore.setState({ fontsReady: true }));
  void loadCentre(true);
  return <BookPage />;
}

/** /book/<code>: one booking, to see, move, cancel or check in. */
export function startBooking(code: string, fonts: Promise<void>) {
  void fonts.then(() => useBookStore.setState({ fontsReady: true }));
  // The bookable services too: moving the booking picks among its service's days.
  void loadCentre(true);
  void loadBooking(code);
  return <BookingPage />;
}
