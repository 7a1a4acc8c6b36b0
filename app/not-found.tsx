import Link from "next/link";

export default function NotFound() {
  return (
    <div className="card">
      <div className="empty-state">
        <strong>Not found</strong>
        This dataset does not exist, or it was deleted. <Link href="/">Back to your datasets</Link>.
      </div>
    </div>
  );
}
