# app: оболочка окна (src/app: mod, view, results, charts, files, state,
# command, recovery, notes, widgets, entry, scenario).

## Разделы и нижние вкладки

app-section-general = Общие сведения
app-section-facilities = Объекты
app-section-products = Продукция и цены
app-section-fiscal = Налоги и платежи
app-section-support = Меры поддержки
app-section-financing = Финансирование
app-section-sources = Источники
app-section-scenarios = Сценарии
app-section-compare = Сравнение вариантов поддержки
app-section-risk = Риски
app-tab-ledger = Денежные потоки
app-tab-cash-flow = Денежный поток
app-tab-prices = Цены
app-tab-npv-profile = Профиль ЧДД
app-tab-unit-cost = Себестоимость

## Окно, запуск

app-title = { $name }{ $mark } — Assay
app-title-not-saved = { $name } (не сохранён в файл)
app-error-example-unreadable = Не удалось прочитать встроенный пример
app-error-could-not-open = Не удалось открыть { $path }
app-error-could-not-save = Не удалось сохранить { $path }
app-error-could-not-export = Не удалось экспортировать { $path }
app-error-syntax-hint = Файл с синтаксической ошибкой открыть нельзя: исправьте эту строку в текстовом редакторе.
app-no-window = assay: не удалось открыть окно: { $error }
app-no-window-cli = assay: командная строка по-прежнему работает: assay report FILE.ron (см. assay --help)

## Меню

app-menu-file = Файл
app-menu-new = Создать
app-menu-new-from-template = Создать по шаблону
app-menu-open = Открыть…
app-menu-open-recent = Недавние файлы
app-menu-no-recent = Недавних файлов нет
app-menu-save = Сохранить
app-menu-save-as = Сохранить как…
app-menu-export = Экспорт
app-menu-export-xlsx = Книга Excel…
app-menu-export-pdf = Отчёт PDF…
app-menu-quit = Выход
app-menu-edit = Правка
app-menu-undo = Отменить
app-menu-undo-named = Отменить: { $what }
app-menu-redo = Повторить
app-menu-redo-named = Повторить: { $what }
app-menu-view = Вид
app-menu-language = Язык (Language)
app-menu-theme = Тема
app-menu-theme-system = Как в системе
app-menu-theme-light = Светлая
app-menu-theme-dark = Тёмная
app-menu-panels = Панели (ширину меняйте, перетаскивая край)
app-menu-outline = Структура проекта
app-menu-results-cards = Карточки результатов
app-menu-lower-panel = Нижняя панель
app-menu-help = Справка
app-undo-hint = Отменить ({ $keys })
app-redo-hint = Повторить ({ $keys } или { $other })
app-hide-outline = Скрыть структуру
app-show-outline = Показать структуру
app-outline-hint = Структура проекта слева (также Вид → Панели)
app-hide-cards = Скрыть карточки
app-show-cards = Показать карточки
app-cards-hint = Карточки результатов справа (также Вид → Панели)

## Строка состояния

app-status-no-file = встроенный пример / не сохранён в файл
app-status-unsaved = есть несохранённые изменения
app-status-saved = сохранено

## Структура и варианты

app-cases-heading = Показываемый и редактируемый вариант
app-base-case = Базовый вариант
app-base-case-hint = Исходные данные как введены
app-no-name = (без названия)
app-scenario-no-changes = Пока не отличается от базового варианта.
app-scenario-overrides = Изменяет: { $list }.
app-scenario-new = Новый
app-scenario-new-hint = Новый сценарий на текущих исходных данных (пока без изменений)
app-scenario-duplicate = Копировать
app-scenario-duplicate-hint = Копия выбранного сценария
app-scenario-delete = Удалить
app-scenario-delete-hint = Удалить выбранный сценарий (команда «Отменить» вернёт его)
app-outline-heading = Структура проекта
app-outline-problems = { $n ->
    [one] { $n } ошибка
    [few] { $n } ошибки
    [many] { $n } ошибок
   *[other] { $n } ошибки
}
app-outline-problems-hint = ошибки в этом разделе
app-overridden = изменено
app-overridden-hint = «{ $name }» изменяет: { $list }
app-outline-main-product = { $name } (основной)
app-stale-lower = показана последняя корректная модель

## Диалоги

app-ok = ОК
app-save = Сохранить
app-open = Открыть
app-discard = Не сохранять
app-cancel = Отмена
app-export = Экспортировать
app-dialog-unchanged = Открытый проект не изменён.
app-unsaved-heading = Несохранённые изменения
app-export-pdf-title = Экспорт отчёта PDF
app-export-xlsx-title = Экспорт книги Excel
app-no-file-dialog = Диалог выбора файла на этом рабочем столе открыть не удалось (нет XDG desktop portal и нет zenity). Введите путь к файлу:
app-export-pdf-hint = /путь/к/отчёту.pdf
app-export-xlsx-hint = /путь/к/книге.xlsx
app-export-path = Путь для экспорта
app-path-save-title = Сохранить как
app-path-open-title = Открыть
app-path-hint = /путь/к/проекту.ron
app-file-path = Путь к файлу
app-recovery-heading = Восстановлена несохранённая работа
app-recovery-newer = Резервная копия { $path } новее сохранённого файла.
app-recovery-newer-unsaved = Резервная копия проекта, не сохранённого в файл, новее сохранённого файла.
app-recovery-copy-time = Резервная копия: { $time }
app-recovery-saved-time = Сохранённый файл: { $time }
app-recovery-saved-none = Сохранённый файл: нет
app-recovery-restore = Восстановить
app-recovery-open-saved = Открыть сохранённый файл
app-recovery-start-without = Начать без неё

## Правки (их называет меню «Отменить»), новые элементы, вопрос о несохранённом

app-list-noun = { $list ->
    [facilities] объект
    [products] продукт
   *[support] мера поддержки
}
app-undo-add = { $list ->
    [facilities] добавление объекта
    [products] добавление продукта
   *[support] добавление меры поддержки
}
app-undo-remove = { $list ->
    [facilities] удаление объекта
    [products] удаление продукта
   *[support] удаление меры поддержки
}
app-undo-duplicate = { $list ->
    [facilities] копирование объекта
    [products] копирование продукта
   *[support] копирование меры поддержки
}
app-undo-move = { $list ->
    [facilities] перемещение объекта
    [products] перемещение продукта
   *[support] перемещение меры поддержки
}
app-undo-new-scenario = новый сценарий
app-undo-duplicate-scenario = копирование сценария
app-undo-delete-scenario = удаление сценария
app-undo-revert = возврат к базовому варианту: { $part }
app-undo-in-scenario = { $what } в сценарии «{ $name }»
app-new-facility = Новый объект
app-new-product = Новый продукт
app-new-operating-subsidy = Новая операционная субсидия
app-new-scenario = Новый сценарий
app-copy-name = { $name } (копия)
app-override = { $part ->
    [price_factor] ценовой коэффициент
    [products] продукция
    [facilities] объекты
    [fiscal] налоги и платежи
    [support] меры поддержки
    [financing] финансирование
   *[discount_rate] норма дисконта
}
app-unsaved-before-new = В проекте «{ $name }» есть несохранённые изменения. Сохранить их перед созданием нового проекта?
app-unsaved-before-open = В проекте «{ $name }» есть несохранённые изменения. Сохранить их перед открытием другого проекта?
app-unsaved-before-open-path = В проекте «{ $name }» есть несохранённые изменения. Сохранить их перед открытием { $path }?
app-unsaved-before-close = В проекте «{ $name }» есть несохранённые изменения. Сохранить их перед закрытием?
app-status-new-project = Новый проект
app-status-new-from-template = Новый проект по шаблону «{ $name }»: все его цифры — условные
app-status-opened = Открыт { $path }
app-status-opened-problems = Открыт { $path }: { $n ->
    [one] { $n } ошибка
    [few] { $n } ошибки
    [many] { $n } ошибок
   *[other] { $n } ошибки
} к исправлению

## Шаблоны (Файл → Создать по шаблону). Название и описание проекта
## составляются на языке, действующем в момент создания.

app-template-blank = Пустой проект
app-template-mine-plant = Рудник + обогатительная фабрика
app-template-plant-only = Фабрика на покупном сырье
app-template-blank-hint = Одна фабрика и один продукт, круглые условные цифры для замены
app-template-mine-plant-hint = Рудник и фабрика на одной площадке, роялти с выручки; условные цифры
app-template-plant-only-hint = Одна фабрика; покупное сырьё входит в её переменные затраты на единицу; условные цифры
app-template-assumptions = Все цифры здесь — условные допущения, а не данные: замените каждую своей (капитальные вложения, операционные затраты, выпуск, цены, налоги), прежде чем читать результаты.
app-template-untitled = Без названия
app-template-blank-description = Шаблон: одна фабрика и один продукт. Допущения: капитальные вложения { $capex } { $usd } в { $year } г., постоянные операционные затраты { $opex } { $usd } в год, { $output } т в год по { $price } { $usd }/т, переменные затраты { $variable } { $usd }/т, налог на прибыль 25 %. { $assumptions }
app-template-plant = Фабрика
app-template-main-product = Основной продукт
app-template-mine-plant-name = Рудник и фабрика
app-template-mine-plant-description = Шаблон: карьер, питающий обогатительную фабрику на той же площадке; строительство два года с { $year } г., выпуск с { $producing } г. Допущения: капитальные вложения, операционные затраты, выпуск { $output } т в год с освоением мощности за три года, неизменная цена { $price } { $usd }/т при цене импорта { $import } { $usd }/т, роялти 6 % выручки, налог на прибыль 25 %. { $assumptions }
app-template-mine = Карьер (допущение)
app-template-processing-plant = Обогатительная фабрика (допущение)
app-template-main-product-assumption = Основной продукт (допущение)
app-template-royalty = Роялти (допущение)
app-template-plant-name = Обогатительная фабрика
app-template-plant-description = Шаблон: одна обогатительная фабрика на покупном сырье, строительство в { $year } г., выпуск с { $producing } г. Допущения: капитальные вложения, операционные затраты, { $output } т продукции в год, сырьё по { $feed } { $usd } на т продукции (в переменных затратах на единицу, вместе с реагентами и энергией на { $reagents }), неизменная цена { $price } { $usd }/т при цене импорта { $import } { $usd }/т, без роялти (фабрика ничего не добывает), налог на прибыль 25 %. { $assumptions }

## Работа с файлами

app-job-dialog = открыт диалог выбора файла
app-job-saving = идёт сохранение
app-job-exporting-report = идёт экспорт отчёта
app-job-exporting-workbook = идёт экспорт книги
app-job-wait = Подождите: { $running }; одновременно выполняется только одна операция с файлом
app-job-no-thread = не удалось запустить рабочий поток: { $error }
app-dialog-open-title = Открыть проект Assay
app-dialog-save-title = Сохранить проект Assay как
app-filter-project = Проект Assay
app-filter-all = Все файлы
app-filter-pdf = Отчёт PDF
app-filter-xlsx = Книга Excel
app-autosave-failed = assay: автосохранение не удалось: { $error }
app-autosave-no-thread = assay: автосохранение не запустилось: { $error }
app-status-restored = Резервная копия восстановлена: сохраните проект, чтобы её не потерять
app-status-exported = Экспортировано: { $path }
app-status-drop-ron = Перетащите файл проекта Assay (.ron), чтобы открыть его
app-recovery-file-header = Резервная копия Assay для { $path }
app-recovery-file-header-unsaved = Резервная копия Assay (проект не сохранён в файл)
app-time-utc = { $date } { $time } UTC
app-time-before-1970 = до 1970 г.
app-timing-first-frame = assay: первый кадр через { $ms } мс
