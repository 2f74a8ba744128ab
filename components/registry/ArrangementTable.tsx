"use client";

import NextLink from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useMemo, useState, useTransition } from "react";
import {
  Checkbox,
  Details,
  DetailsContent,
  DetailsSummary,
  Fieldset,
  FieldsetLegend,
  Label,
  Pagination,
  PaginationButton,
  PaginationItem,
  PaginationList,
  Select,
  SelectOption,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeaderCell,
  TableRow,
  usePagination,
  Field,
} from "@digdir/designsystemet-react";
import { FoldOnNarrow } from "@/components/site/FoldOnNarrow";
import {
  columnVisibilityFeature,
  createColumnHelper,
  rowPaginationFeature,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type ColumnVisibilityState,
  type PaginationState,
  type SortingState,
  type Updater,
} from "@tanstack/react-table";
import { ARRANGEMENT_COLUMNS, type ArrangementColumnId } from "@/lib/arrangements/columns";
import { LEVEL_NAMES } from "@/lib/domain/levels";
import type { ArrangementTableRow } from "@/lib/arrangements/types";

const features = tableFeatures({ rowSortingFeature, rowPaginationFeature, columnVisibilityFeature });
const helper = createColumnHelper<typeof features, ArrangementTableRow>();
const numberFormat = new Intl.NumberFormat("nb-NO");

const columns = helper.columns([
  helper.accessor("name", {
    id: "navn",
    header: "Navn",
    enableHiding: false,
    cell: ({ row }) => (
      <NextLink href={`/ordninger/${row.original.slug}`} className="ds-link">
        {row.original.name}
      </NextLink>
    ),
  }),
  helper.accessor((r) => r.sector.name, { id: "sektor", header: "Sektor" }),
  helper.accessor((r) => r.taskAreas.map((t) => t.name).join(", "), { id: "oppgave", header: "Oppgaveområde", cell: ({ getValue }) => getValue() || "–" }),
  helper.accessor((r) => r.legalForm?.name ?? "", {
    id: "form",
    header: "Juridisk form",
    cell: ({ row }) =>
      row.original.legalForm ? (
        <>
          {row.original.legalForm.name}
          {row.original.legalForm.inferred ? <span className="registry-muted"> (utledet)</span> : null}
        </>
      ) : (
        <span className="registry-muted">Ikke registrert</span>
      ),
  }),
  helper.accessor((r) => r.host?.name ?? "", {
    id: "vert",
    header: "Vertskommune",
    cell: ({ row }) =>
      row.original.host ? (
        <NextLink href={`/kommuner/${row.original.host.code ?? row.original.host.slug}`} className="ds-link">
          {row.original.host.name}
        </NextLink>
      ) : (
        "–"
      ),
  }),
  helper.accessor("participantCount", { id: "deltakere", header: "Deltakere", cell: ({ getValue }) => numberFormat.format(getValue()) }),
  helper.accessor((r) => LEVEL_NAMES[r.level], { id: "nivaa", header: "Nivå" }),
  helper.accessor("establishedLabel", { id: "etablert", header: "Etablert" }),
  helper.accessor((r) => (r.crossCounty ? "Ja" : "Nei"), { id: "kryss", header: "Over fylkesgrense" }),
]);

export interface ArrangementTableProps {
  rows: ArrangementTableRow[];
  total: number;
  page: number;
  pageSize: number;
  sort: { key: string; direction: "stigende" | "synkende" };
  hidden: ArrangementColumnId[];
  caption: string;
}

const PAGE_SIZES = [10, 25, 50, 100];

/**
 * The arrangements table: TanStack Table in manual (server-side) sorting and pagination mode.
 * All state lives in the URL; a change navigates, and the server page renders the new rows.
 */
export function ArrangementTable({ rows, total, page, pageSize, sort, hidden, caption }: ArrangementTableProps) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [pending, startTransition] = useTransition();

  const sorting = useMemo<SortingState>(() => (sort.key === "relevans" ? [] : [{ id: sort.key, desc: sort.direction === "synkende" }]), [sort.key, sort.direction]);
  const pagination = useMemo<PaginationState>(() => ({ pageIndex: page - 1, pageSize }), [page, pageSize]);
  // Column visibility is applied at once (optimistic) and then written to the URL.
  const hiddenKey = hidden.join(",");
  const [columnVisibility, setColumnVisibility] = useState<ColumnVisibilityState>(() => Object.fromEntries(hidden.map((id) => [id, false])));
  // When the URL's hidden columns change, take them over during render (React's "adjust state when a prop changes").
  const [visibilityKey, setVisibilityKey] = useState(hiddenKey);
  if (visibilityKey !== hiddenKey) {
    setVisibilityKey(hiddenKey);
    setColumnVisibility(
      Object.fromEntries(
        hiddenKey
          .split(",")
          .filter(Boolean)
          .map((id) => [id, false]),
      ),
    );
  }

  const navigate = (change: (params: URLSearchParams) => void, { replace = false } = {}) => {
    const params = new URLSearchParams(searchParams.toString());
    change(params);
    const href = params.size ? `${pathname}?${params.toString()}` : pathname;
    startTransition(() => (replace ? router.replace(href, { scroll: false }) : router.push(href, { scroll: false })));
  };

  const apply = <T,>(updater: Updater<T>, current: T): T => (typeof updater === "function" ? (updater as (old: T) => T)(current) : updater);

  const table = useTable({
    features,
    columns,
    data: rows,
    manualSorting: true,
    manualPagination: true,
    rowCount: total,
    enableMultiSort: false,
    autoResetPageIndex: false,
    getRowId: (row) => row.slug,
    state: { sorting, pagination, columnVisibility },
    onSortingChange: (updater) => {
      const next = apply(updater, sorting)[0];
      navigate((params) => {
        params.delete("side");
        if (next) {
          params.set("sorter", next.id);
          params.set("retning", next.desc ? "synkende" : "stigende");
        } else {
          params.delete("sorter");
          params.delete("retning");
        }
      });
    },
    onPaginationChange: (updater) => {
      const next = apply(updater, pagination);
      navigate((params) => {
        if (next.pageSize !== pagination.pageSize) {
          params.set("antall", String(next.pageSize));
          params.delete("side");
          return;
        }
        if (next.pageIndex > 0) params.set("side", String(next.pageIndex + 1));
        else params.delete("side");
      });
    },
    onColumnVisibilityChange: (updater) => {
      const next = apply(updater, columnVisibility);
      setColumnVisibility(next);
      const hide = ARRANGEMENT_COLUMNS.filter((c) => next[c.id] === false).map((c) => c.id);
      navigate((params) => (hide.length ? params.set("skjul", hide.join(",")) : params.delete("skjul")), { replace: true });
    },
  });

  const pageCount = Math.max(1, table.getPageCount());
  const { pages, prevButtonProps, nextButtonProps } = usePagination({
    currentPage: page,
    totalPages: pageCount,
    showPages: 7,
    setCurrentPage: (p) => table.setPageIndex(p - 1),
  });

  return (
    <div className="stack" aria-busy={pending}>
      {/* On a phone the table options fold behind «Tabellvalg», so the first rows show on the first screen (issue #13). */}
      <FoldOnNarrow id="tabellvalg" label="Tabellvalg" buttonClassName="table-options-toggle" panelClassName="table-options-fold">
        <div className="registry-table-tools">
          <Details className="registry-columns">
            <DetailsSummary>Velg kolonner</DetailsSummary>
            <DetailsContent>
              <Fieldset>
                <FieldsetLegend>Kolonner som vises</FieldsetLegend>
                {table
                  .getAllLeafColumns()
                  .filter((column) => column.getCanHide())
                  .map((column) => (
                    <Checkbox
                      key={column.id}
                      label={ARRANGEMENT_COLUMNS.find((c) => c.id === column.id)?.label ?? column.id}
                      checked={column.getIsVisible()}
                      onChange={(event) => column.toggleVisibility(event.target.checked)}
                    />
                  ))}
              </Fieldset>
            </DetailsContent>
          </Details>
          <Field className="registry-page-size">
            <Label htmlFor="antall-per-side">Rader per side</Label>
            <Select id="antall-per-side" value={String(pageSize)} onChange={(event) => table.setPageSize(Number(event.target.value))}>
              {PAGE_SIZES.map((size) => (
                <SelectOption key={size} value={String(size)}>
                  {size}
                </SelectOption>
              ))}
            </Select>
          </Field>
        </div>
      </FoldOnNarrow>
      <div className="table-scroll" tabIndex={0} role="region" aria-label={caption}>
        <Table zebra stickyHeader data-size="sm" className="registry-table">
          <caption className="visually-hidden">{caption}</caption>
          <TableHead>
            {table.getHeaderGroups().map((group) => (
              <TableRow key={group.id}>
                {group.headers.map((header) => {
                  const sorted = header.column.getIsSorted();
                  return (
                    <TableHeaderCell
                      key={header.id}
                      scope="col"
                      sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : "none"}
                      onClick={() => header.column.toggleSorting(sorted === "asc")}
                    >
                      <table.FlexRender header={header} />
                    </TableHeaderCell>
                  );
                })}
              </TableRow>
            ))}
          </TableHead>
          <TableBody>
            {table.getRowModel().rows.map((row) => (
              <TableRow key={row.id}>
                {row.getVisibleCells().map((cell) =>
                  cell.column.id === "navn" ? (
                    <TableHeaderCell key={cell.id} scope="row" className="registry-row-header">
                      <table.FlexRender cell={cell} />
                    </TableHeaderCell>
                  ) : (
                    <TableCell key={cell.id} className={cell.column.id === "deltakere" ? "registry-number" : undefined}>
                      <table.FlexRender cell={cell} />
                    </TableCell>
                  ),
                )}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      {pageCount > 1 ? (
        <Pagination aria-label="Sidenavigering">
          <PaginationList>
            <PaginationItem>
              <PaginationButton {...prevButtonProps} aria-label="Forrige side">
                Forrige
              </PaginationButton>
            </PaginationItem>
            {pages.map(({ page: p, itemKey, buttonProps }) => (
              <PaginationItem key={itemKey}>
                {typeof p === "number" && (
                  <PaginationButton {...buttonProps} aria-label={`Side ${p}`}>
                    {p}
                  </PaginationButton>
                )}
              </PaginationItem>
            ))}
            <PaginationItem>
              <PaginationButton {...nextButtonProps} aria-label="Neste side">
                Neste
              </PaginationButton>
            </PaginationItem>
          </PaginationList>
        </Pagination>
      ) : null}
    </div>
  );
}
