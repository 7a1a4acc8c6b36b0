import type { Metadata } from "next";
import { cookies } from "next/headers";
import Link from "next/link";
import type { ReactNode } from "react";
import { TimeZoneProvider } from "@/app/_components/time-zone-provider";
import { readTimeZoneCookie, TIME_ZONE_COOKIE } from "@/lib/time/time-zone-cookie";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Tidecast", template: "%s · Tidecast" },
  description: "Upload time series, train an LSTM forecaster in your browser, and judge it against baselines.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Times are rendered in the zone the browser last gave, so they do not change as the page loads.
  const zone = readTimeZoneCookie((await cookies()).get(TIME_ZONE_COOKIE)?.value);
  return (
    <html lang="en">
      <body>
        <header className="app-header">
          <div className="app-header-inner">
            <Link href="/" className="brand" aria-label="Tidecast home">
              <svg className="brand-mark" viewBox="0 0 24 24" aria-hidden="true">
                <rect width="24" height="24" rx="6" fill="var(--accent)" />
                <path d="M4 15c2.5 0 2.5-4 5-4s2.5 4 5 4 2.5-6 6-6" fill="none" stroke="#fff" strokeWidth="2" strokeLinecap="round" />
              </svg>
              Tidecast
            </Link>
            <span className="brand-tagline">Forecasts you can check</span>
            <nav className="app-nav" aria-label="Main">
              <Link href="/">Datasets</Link>
            </nav>
          </div>
        </header>
        <main className="page">
          <TimeZoneProvider zone={zone}>{children}</TimeZoneProvider>
        </main>
      </body>
    </html>
  );
}
