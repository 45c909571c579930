import { useGetResourceLabel, useRecordContext, useResourceContext } from 'react-admin';

/** "<Resource name>: <record label>" for show pages, translated. */
export const ResourceTitle = ({ source }: { source: string }) => {
  const record = useRecordContext();
  const resource = useResourceContext();
  const getResourceLabel = useGetResourceLabel();
  const label = getResourceLabel(resource ?? '', 1);
  const value = record?.[source];
  return <span>{value ? `${label} · ${value}` : label}</span>;
};
