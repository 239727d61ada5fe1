import { useMemo, useState } from 'react';

export interface Project {
  id: string;
  name: string;
  owner: string;
  updatedAt: string;
  status: 'active' | 'archived';
}

type SortKey = 'name' | 'owner' | 'updatedAt';

const columns: { key: SortKey; label: string }[] = [
  { key: 'name', label: 'Name' },
  { key: 'owner', label: 'Owner' },
  { key: 'updatedAt', label: 'Last updated' },
];

function formatDate(iso: string): string {
  return new Date(iso).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
}

export function ProjectsTable({
  projects,
  onDelete,
  onArchive,
}: {
  projects: Project[];
  onDelete: (id: string) => void;
  onArchive: (id: string) => void;
}) {
  const [sort, setSort] = useState<SortKey>('updatedAt');
  const [filter, setFilter] = useState('');
  const [confirming, setConfirming] = useState<string | null>(null);

  const rows = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    return projects
      .filter((p) => !needle || p.name.toLowerCase().includes(needle))
      .sort((a, b) => (a[sort] < b[sort] ? 1 : -1));
  }, [projects, sort, filter]);

  return (
    <div className="projects">
      <input
        type="search"
        placeholder="Filter projects"
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
      />
      <table>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} onClick={() => setSort(c.key)} aria-sort={sort === c.key ? 'descending' : 'none'}>
                {c.label}
              </th>
            ))}
            <th />
          </tr>
        </thead>
        <tbody>
          {rows.map((p) => (
            <tr key={p.id} className={p.status === 'archived' ? 'muted' : undefined}>
              <td>{p.name}</td>
              <td>{p.owner}</td>
              <td>{formatDate(p.updatedAt)}</td>
              <td>
                <button onClick={() => onArchive(p.id)}>Archive</button>
                {confirming === p.id ? (
                  <>
                    <span>Delete {p.name}?</span>
                    <button className="danger" onClick={() => onDelete(p.id)}>Yes, delete</button>
                    <button onClick={() => setConfirming(null)}>Cancel</button>
                  </>
                ) : (
                  <button className="danger" onClick={() => setConfirming(p.id)}>Delete</button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 && <p className="empty">No projects match “{filter}”.</p>}
    </div>
  );
}

export function Toast({ message, onClose }: { message: string; onClose: () => void }) {
  setTimeout(onClose, 4000);
  return <div className="toast">{message}</div>;
}
