import { useTranslation } from 'react-i18next';
import { describeEnum, type DescribedEnum } from '../../shared/volc-enums.ts';
import { ENUM_TABLES, type EnumTableId } from './enum-tables.ts';

/** Describes an enum value in the current language: "运行中", "unknown (7)". */
export function useEnumLabel(): (table: EnumTableId, value: number | undefined) => DescribedEnum {
  const { t } = useTranslation();
  return (table, value) => {
    const d = describeEnum(ENUM_TABLES[table], value);
    const label = d.known
      ? t(`enum.${table}.${d.name}`, { defaultValue: d.label })
      : t(`enumCommon.${d.name}`, { value, defaultValue: d.label });
    return { ...d, label };
  };
}
